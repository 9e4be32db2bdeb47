"""Discounts: `nozle.coupons` and `nozle.promotion_codes`."""

from __future__ import annotations

from typing import Iterator, Optional, Unpack

from ..models import (
    Coupon,
    CouponCreateParams,
    CouponList,
    DeletedCoupon,
    ListCouponsQuery,
    ListPromotionCodesQuery,
    PromotionCode,
    PromotionCodeCreateParams,
    PromotionCodeList,
    PromotionCodeUpdateParams,
)
from ._base import Resource, auto_page, operation, path_id


class Coupons(Resource):
    """Percent or amount off, once, repeating or forever. Apply one with `coupon` on a subscription or a customer."""

    @operation("createCoupon")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[CouponCreateParams]) -> Coupon:
        return self._post("/v1/coupons", params, idempotency_key)

    @operation("retrieveCoupon")
    def retrieve(self, coupon: str) -> Coupon:
        return self._get(f"/v1/coupons/{path_id(coupon, 'coupon')}")

    @operation("deleteCoupon")
    def delete(self, coupon: str) -> DeletedCoupon:
        """It can no longer be applied; discounts already applied run their course."""
        return self._delete(f"/v1/coupons/{path_id(coupon, 'coupon')}")

    @operation("listCoupons")
    def list(self, **params: Unpack[ListCouponsQuery]) -> CouponList:
        return self._get("/v1/coupons", params)

    def list_all(self, **params: Unpack[ListCouponsQuery]) -> Iterator[Coupon]:
        return auto_page(self.list, params)


class PromotionCodes(Resource):
    """Codes a customer types for a coupon. Apply one with `promotion_code` on a subscription or a customer."""

    @operation("createPromotionCode")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[PromotionCodeCreateParams]) -> PromotionCode:
        return self._post("/v1/promotion_codes", params, idempotency_key)

    @operation("retrievePromotionCode")
    def retrieve(self, promotion_code: str) -> PromotionCode:
        return self._get(f"/v1/promotion_codes/{path_id(promotion_code, 'promotion_code')}")

    @operation("updatePromotionCode")
    def update(self, promotion_code: str, *, idempotency_key: Optional[str] = None, **params: Unpack[PromotionCodeUpdateParams]) -> PromotionCode:
        """Deactivates it (`active=False`) or activates it again; merges its metadata."""
        return self._post(f"/v1/promotion_codes/{path_id(promotion_code, 'promotion_code')}", params, idempotency_key)

    @operation("listPromotionCodes")
    def list(self, **params: Unpack[ListPromotionCodesQuery]) -> PromotionCodeList:
        return self._get("/v1/promotion_codes", params)

    def list_all(self, **params: Unpack[ListPromotionCodesQuery]) -> Iterator[PromotionCode]:
        return auto_page(self.list, params)
