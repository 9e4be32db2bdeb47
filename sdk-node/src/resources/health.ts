// `nozle.health` and `nozle.project`: the probes and the key's project, for a backend's own
// health checks and for tools that show which project a key belongs to.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { retrieveProject, type Project } from '../project.js';
import { idempotencyHeader, type RequestOptions } from './request.js';

export type HealthStatus = Schemas['HealthStatus'];
export type ProjectUpdateParams = Schemas['ProjectUpdateParams'];
export type { Project };

/** The server's liveness and readiness probes (no key needed; the SDK sends its own anyway). */
export class Health {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.health`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** `GET /healthz`: `{ status: 'ok' }` while the server process is up (the database is not asked). */
  async live(): Promise<HealthStatus> {
    return unwrap(await this.#client.GET('/healthz'));
  }

  /**
   * `GET /readyz`: whether the server can serve requests (database reachable, migrations done),
   * with each dependency in `checks`. A server that is not ready answers 503 with the same
   * shape; that is returned too (`status: 'unavailable'`), not thrown.
   */
  async ready(): Promise<HealthStatus> {
    const result = await this.#client.GET('/readyz');
    if (result.response.status === 503 && isHealthStatus(result.error)) return result.error;
    return unwrap(result);
  }
}

function isHealthStatus(body: unknown): body is HealthStatus {
  return typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'unavailable';
}

/** The project the secret key belongs to. */
export class ProjectResource {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.project`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** The key's project: its `prj_…` id, name and invoice settings. */
  async retrieve(): Promise<Project> {
    return retrieveProject(this.#client);
  }

  /**
   * Changes the project's name or its `invoice_settings`: the seller's details its invoice
   * documents show (`business_name`, `address`, `email`, `tax_id`) and the `number_prefix` of its
   * invoice numbers. A field left out keeps its value; `null` clears it.
   */
  async update(params: ProjectUpdateParams, options?: RequestOptions): Promise<Project> {
    return unwrap(
      await this.#client.POST('/v1/project', {
        params: { header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }
}
