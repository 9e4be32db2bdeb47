// `nozle.coupons` and `nozle.promotionCodes`: discounts, over /v1/coupons and /v1/promotion_codes.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Coupon = Schemas['Coupon'];
export type CouponCreateParams = Schemas['CouponCreateParams'];
export type CouponListParams = QueryParams<'listCoupons'>;
export type CouponList = Schemas['CouponList'];
export type DeletedCoupon = Schemas['DeletedCoupon'];
export type PromotionCode = Schemas['PromotionCode'];
export type PromotionCodeCreateParams = Schemas['PromotionCodeCreateParams'];
export type PromotionCodeUpdateParams = Schemas['PromotionCodeUpdateParams'];
export type PromotionCodeListParams = QueryParams<'listPromotionCodes'>;
export type PromotionCodeList = Schemas['PromotionCodeList'];

/** Coupons of your project (percent or amount off, once, repeating or forever). Apply one with `coupon` on a subscription. */
export class Coupons {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.coupons`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  async create(params: CouponCreateParams, options?: RequestOptions): Promise<Coupon> {
    return unwrap(
      await this.#client.POST('/v1/coupons', { params: { header: idempotencyHeader(options) }, body: params, ...callOptions(this.#client, options) }),
    );
  }

  async retrieve(coupon: string): Promise<Coupon> {
    return unwrap(await this.#client.GET('/v1/coupons/{coupon}', { params: { path: { coupon: pathParam(coupon, 'coupon') } } }));
  }

  /** Deletes it: it can no longer be applied; discounts already applied run their course. */
  async del(coupon: string): Promise<DeletedCoupon> {
    return unwrap(await this.#client.DELETE('/v1/coupons/{coupon}', { params: { path: { coupon: pathParam(coupon, 'coupon') } } }));
  }

  /** One page of coupons, newest first. */
  async list(params?: CouponListParams): Promise<CouponList> {
    return unwrap(await this.#client.GET('/v1/coupons', { params: { query: params } }));
  }

  listAll(params: CouponListParams = {}): AsyncGenerator<Coupon, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}

/** Codes a customer types for a coupon. Apply one with `promotion_code` on a subscription. */
export class PromotionCodes {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.promotionCodes`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  async create(params: PromotionCodeCreateParams, options?: RequestOptions): Promise<PromotionCode> {
    return unwrap(
      await this.#client.POST('/v1/promotion_codes', { params: { header: idempotencyHeader(options) }, body: params, ...callOptions(this.#client, options) }),
    );
  }

  async retrieve(promotionCode: string): Promise<PromotionCode> {
    return unwrap(
      await this.#client.GET('/v1/promotion_codes/{promotion_code}', { params: { path: { promotion_code: pathParam(promotionCode, 'promotionCode') } } }),
    );
  }

  /** Deactivates it (`{ active: false }`) or activates it again; merges its metadata. */
  async update(promotionCode: string, params: PromotionCodeUpdateParams, options?: RequestOptions): Promise<PromotionCode> {
    return unwrap(
      await this.#client.POST('/v1/promotion_codes/{promotion_code}', {
        params: { path: { promotion_code: pathParam(promotionCode, 'promotionCode') }, header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  async list(params?: PromotionCodeListParams): Promise<PromotionCodeList> {
    return unwrap(await this.#client.GET('/v1/promotion_codes', { params: { query: params } }));
  }

  listAll(params: PromotionCodeListParams = {}): AsyncGenerator<PromotionCode, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
