// This file is generated from nozle.yaml by scripts/generate.mjs. Do not edit.
// Run `pnpm --filter @nozle/openapi generate` after changing the spec.
/* eslint-disable */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness probe
         * @description Answers `200` while the process is up, without touching the database.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness probe
         * @description Answers `200` when the database is reachable and migrations are done, `503` otherwise
         *     (also while the server is shutting down).
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/project": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve the key's project
         * @description Any key may call it, so an SDK can check the key it was given at start-up. It tells the
         *     project's id and name only, nothing about customers.
         */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers
         * @description Lists the project's customers, newest first.
         */
        get: operations["listCustomers"];
        put?: never;
        /** Create a customer */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        /** Retrieve a customer */
        get: operations["retrieveCustomer"];
        put?: never;
        /**
         * Update a customer
         * @description Updates the fields you pass and leaves the others as they are. `metadata` is merged
         *     key by key; set a key to `""` to remove it, or pass `metadata: null` to clear it all.
         */
        post: operations["updateCustomer"];
        /**
         * Delete a customer
         * @description Deletes the customer. It no longer appears in lists or lookups, and its
         *     `external_id` becomes free for a new customer.
         */
        delete: operations["deleteCustomer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api_keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Lists the project's keys, newest first. A key's secret value is never listed.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description Creates a key. Its full value is in `secret`, in this response only.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api_keys/{key}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The API key's id (`key_…`). */
                key: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API key
         * @description Revokes the key at once: requests made with it answer `401` from then on. Revoking a
         *     revoked key changes nothing. The project's last active secret key cannot be revoked
         *     (create another first).
         */
        post: operations["revokeApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The body of every failed request.
         * @example {
         *       "error": {
         *         "type": "invalid_request_error",
         *         "code": "parameter_invalid",
         *         "message": "email must match format \"email\"",
         *         "param": "email",
         *         "request_id": "req_5f3kq2b8Xw1mL0pZ"
         *       }
         *     }
         */
        Error: {
            error: {
                /**
                 * @description The broad kind of error.
                 * @enum {string}
                 */
                type: "invalid_request_error" | "authentication_error" | "permission_error" | "idempotency_error" | "rate_limit_error" | "api_error";
                /**
                 * @description A machine-readable code, e.g. `parameter_missing`, `parameter_invalid`,
                 *     `parameter_unknown`, `resource_missing`, `resource_already_exists`,
                 *     `invalid_json`, `api_key_missing`, `api_key_invalid`, `secret_key_required`,
                 *     `idempotency_key_in_use`, `idempotency_key_reused`, `route_not_found`.
                 */
                code: string;
                /** @description A human-readable explanation. */
                message: string;
                /** @description The parameter the error is about, in bracket notation for nested fields. */
                param?: string | null;
                /** @description The id of the failed request. */
                request_id: string;
            };
        };
        HealthStatus: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            /** @description Each dependency's state. */
            checks?: {
                [key: string]: "ok" | "unavailable" | "not_configured";
            };
        };
        /**
         * @description Up to 50 keys of your own, each up to 40 characters, with string values up to 500
         *     characters.
         */
        Metadata: {
            [key: string]: string;
        };
        /** @description Keys to set; a key set to `""` is removed; `null` clears all metadata. */
        MetadataUpdate: {
            [key: string]: string;
        } | null;
        /** @description Your own id for the customer, e.g. your user or organisation id. */
        ExternalId: string;
        Project: {
            id: string;
            /** @constant */
            object: "project";
            name: string;
            created: components["schemas"]["Timestamp"];
        };
        /** @description Time as Unix seconds. */
        Timestamp: number;
        Customer: {
            /** @example cus_8fJ2kQ0pX3vN7bLm */
            id: string;
            /** @constant */
            object: "customer";
            /** @description Your own id for the customer, unique within the project. */
            external_id: string | null;
            email: string | null;
            name: string | null;
            metadata: components["schemas"]["Metadata"];
            created: components["schemas"]["Timestamp"];
        };
        CustomerCreateParams: {
            external_id?: components["schemas"]["ExternalId"];
            /** Format: email */
            email?: string;
            name?: string;
            metadata?: components["schemas"]["Metadata"];
        };
        CustomerUpdateParams: {
            external_id?: components["schemas"]["ExternalId"];
            /** Format: email */
            email?: string | null;
            name?: string | null;
            metadata?: components["schemas"]["MetadataUpdate"];
        };
        DeletedCustomer: {
            id: string;
            /** @constant */
            object: "customer";
            /** @constant */
            deleted: true;
        };
        CustomerList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Customer"][];
            /** @description Whether more objects follow this page. */
            has_more: boolean;
            /** @description The path of this list. */
            url: string;
        };
        /**
         * @description `secret` (`sk_…`, full access) or `publishable` (`pk_…`, client endpoints only).
         * @enum {string}
         */
        ApiKeyType: "secret" | "publishable";
        ApiKey: {
            id: string;
            /** @constant */
            object: "api_key";
            type: components["schemas"]["ApiKeyType"];
            name: string | null;
            /** @description The key's prefix and last four characters, e.g. `sk_…a1B2`. */
            redacted: string;
            created: components["schemas"]["Timestamp"];
            /** @description When the key last authenticated a request (to the minute), or `null`. */
            last_used: components["schemas"]["Timestamp"] | null;
            /** @description When the key was revoked, or `null` while it is active. */
            revoked: components["schemas"]["Timestamp"] | null;
        };
        ApiKeyWithSecret: components["schemas"]["ApiKey"] & {
            /** @description The full key. Shown in this response only; store it now. */
            secret: string;
        };
        ApiKeyCreateParams: {
            type: components["schemas"]["ApiKeyType"];
            name?: string;
        };
        ApiKeyList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["ApiKey"][];
            has_more: boolean;
            url: string;
        };
    };
    responses: {
        /** @description The request was invalid; `error.param` names the parameter. */
        BadRequest: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No API key, or an unknown or revoked one. */
        Unauthorized: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The key may not call this endpoint (a publishable key on a secret endpoint). */
        Forbidden: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such object in this project. */
        NotFound: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request conflicts with the current state: an `Idempotency-Key` whose first
         *     request is still running, or a unique value that is already taken.
         */
        Conflict: {
            headers: {
                "Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description A unique key (a UUID is a good choice) that makes a retry of this request safe.
         *     See [Idempotency](#section/Idempotency).
         */
        IdempotencyKey: string;
        /** @description How many objects to return, from 1 to 100. */
        Limit: number;
        /** @description A cursor for the next page, the id of the last object of the page you have. */
        StartingAfter: string;
        /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
        CustomerRef: string;
        /** @description The API key's id (`key_…`). */
        ApiKeyId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The id of this request (`req_…`), also in every error body. */
        RequestId: string;
        /** @description `true` when this response is a replay of a stored idempotent response. */
        IdempotentReplayed: "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve requests. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Not ready. */
            503: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project the API key belongs to. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only customers with exactly this email address. */
                email?: string;
                /** @description Only the customer with this `external_id`. */
                external_id?: components["schemas"]["ExternalId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe.
                 *     See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCreateParams"];
            };
        };
        responses: {
            /** @description The new customer. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    retrieveCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe.
                 *     See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerUpdateParams"];
            };
        };
        responses: {
            /** @description The updated customer. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    deleteCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer's id (`cus_…`) or the `external_id` you gave it. */
                customer: components["parameters"]["CustomerRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted customer's id. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedCustomer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description How many objects to return, from 1 to 100. */
                limit?: components["parameters"]["Limit"];
                /** @description A cursor for the next page, the id of the last object of the page you have. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of API keys. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe.
                 *     See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreateParams"];
            };
        };
        responses: {
            /** @description The new key, with its secret value. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes a retry of this request safe.
                 *     See [Idempotency](#section/Idempotency).
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The API key's id (`key_…`). */
                key: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key. */
            200: {
                headers: {
                    "Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
}
