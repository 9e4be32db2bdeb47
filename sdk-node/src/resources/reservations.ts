// `nozle.reservations`, `nozle.reserve()` and `nozle.reserveCredits()`: units of a metered feature
// held under the customer's limit, or prepaid credit under its balance (atomically, on the
// server), then committed (as usage, or drawn from the grants) or released.
import { unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Reservation = Schemas['Reservation'];
export type ReservationCreateParams = Schemas['ReservationCreateParams'];
export type ReservationCommitParams = Schemas['ReservationCommitParams'];
export type ReservationList = Schemas['ReservationList'];
export type ReservationListParams = QueryParams<'listReservations'>;

/** Options of `nozle.reserve()`: `expiresIn` (seconds, 300 by default, at most 86400) and the request's. */
export interface ReserveOptions extends RequestOptions {
  expiresIn?: number;
}

const reservationPath = (reservation: string) => ({ reservation: pathParam(reservation, 'reservation') });

/** Reservations of your project. `reservation` arguments take an `rsv_…` id. */
export class Reservations {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.reservations`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /**
   * Holds `quantity` units of a metered `feature` (or of prepaid credit in `currency`) if they
   * fit in what is left of the customer's limit (or free balance); otherwise rejects with a
   * `NozleError` of status 409 and code `limit_reached` (or `no_access`, `revoked`,
   * `insufficient_credits`).
   */
  async create(params: ReservationCreateParams, options?: RequestOptions): Promise<Reservation> {
    return unwrap(await this.#client.POST('/v1/reservations', { params: { header: idempotencyHeader(options) }, body: params }));
  }

  /** One page of the project's reservations, newest first; `customer` and `status` filter them. */
  async list(params?: ReservationListParams): Promise<ReservationList> {
    return unwrap(await this.#client.GET('/v1/reservations', { params: { query: params } }));
  }

  listAll(params: ReservationListParams = {}): AsyncGenerator<Reservation, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }

  async retrieve(reservation: string): Promise<Reservation> {
    return unwrap(await this.#client.GET('/v1/reservations/{reservation}', { params: { path: reservationPath(reservation) } }));
  }

  /** Records the amount used (at most the reserved quantity; all of it when absent) as usage, once: committing again answers the same. */
  async commit(reservation: string, params: ReservationCommitParams = {}, options?: RequestOptions): Promise<Reservation> {
    return unwrap(
      await this.#client.POST('/v1/reservations/{reservation}/commit', {
        params: { path: reservationPath(reservation), header: idempotencyHeader(options) },
        body: params,
      }),
    );
  }

  /** Frees the hold without recording usage. */
  async release(reservation: string, options?: RequestOptions): Promise<Reservation> {
    return unwrap(
      await this.#client.POST('/v1/reservations/{reservation}/release', {
        params: { path: reservationPath(reservation), header: idempotencyHeader(options) },
      }),
    );
  }
}

/** A held reservation, as `nozle.reserve()` answers it: commit what was used, or release it. */
export class ReservationHandle {
  readonly #reservations: Reservations;
  #reservation: Reservation;

  /** @internal Made by `nozle.reserve()`. */
  constructor(reservations: Reservations, reservation: Reservation) {
    this.#reservations = reservations;
    this.#reservation = reservation;
  }

  get id(): string {
    return this.#reservation.id;
  }

  /** The reservation as last answered (by the reserve, the commit or the release). */
  get reservation(): Reservation {
    return this.#reservation;
  }

  /** Records `actual` units (the reserved quantity when absent) as usage, once however often it is called. */
  async commit(actual?: number, options?: RequestOptions): Promise<Reservation> {
    this.#reservation = await this.#reservations.commit(this.id, actual === undefined ? {} : { quantity: actual }, options);
    return this.#reservation;
  }

  /** Frees the hold (nothing is recorded). */
  async release(options?: RequestOptions): Promise<Reservation> {
    this.#reservation = await this.#reservations.release(this.id, options);
    return this.#reservation;
  }
}
