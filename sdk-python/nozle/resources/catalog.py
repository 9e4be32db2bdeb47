"""What you sell and measure: `nozle.features`, `nozle.plans`, `nozle.meters`, `nozle.cost_models`."""

from __future__ import annotations

from typing import Iterator, Optional, Unpack

from ..models import (
    CostModel,
    CostModelCreateParams,
    CostModelList,
    Feature,
    FeatureCreateParams,
    FeatureList,
    FeatureUpdateParams,
    ListCostModelsQuery,
    ListFeaturesQuery,
    ListMetersQuery,
    ListPlansQuery,
    Meter,
    MeterCreateParams,
    MeterList,
    Plan,
    PlanCreateParams,
    PlanList,
    PlanMigrateParams,
    PlanMigration,
    PlanUpdateParams,
)
from ._base import Resource, auto_page, operation, path_id


class Features(Resource):
    @operation("createFeature")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[FeatureCreateParams]) -> Feature:
        return self._post("/v1/features", params, idempotency_key)

    @operation("retrieveFeature")
    def retrieve(self, feature: str) -> Feature:
        """By `feat_…` id or key."""
        return self._get(f"/v1/features/{path_id(feature, 'feature')}")

    @operation("updateFeature")
    def update(self, feature: str, *, idempotency_key: Optional[str] = None, **params: Unpack[FeatureUpdateParams]) -> Feature:
        return self._post(f"/v1/features/{path_id(feature, 'feature')}", params, idempotency_key)

    @operation("listFeatures")
    def list(self, **params: Unpack[ListFeaturesQuery]) -> FeatureList:
        return self._get("/v1/features", params)

    def list_all(self, **params: Unpack[ListFeaturesQuery]) -> Iterator[Feature]:
        return auto_page(self.list, params)


class Plans(Resource):
    @operation("createPlan")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[PlanCreateParams]) -> Plan:
        return self._post("/v1/plans", params, idempotency_key)

    @operation("retrievePlan")
    def retrieve(self, plan: str, *, version: Optional[int] = None) -> Plan:
        """The current version, or a past `version`."""
        return self._get(f"/v1/plans/{path_id(plan, 'plan')}", {"version": version})

    @operation("updatePlan")
    def update(self, plan: str, *, idempotency_key: Optional[str] = None, **params: Unpack[PlanUpdateParams]) -> Plan:
        """A change of prices or entitlements makes a new version; subscribers keep theirs until migrated."""
        return self._post(f"/v1/plans/{path_id(plan, 'plan')}", params, idempotency_key)

    @operation("migratePlan")
    def migrate(self, plan: str, *, idempotency_key: Optional[str] = None, **params: Unpack[PlanMigrateParams]) -> PlanMigration:
        """Moves subscribers of older versions to the current one."""
        return self._post(f"/v1/plans/{path_id(plan, 'plan')}/migrate", params, idempotency_key)

    @operation("listPlans")
    def list(self, **params: Unpack[ListPlansQuery]) -> PlanList:
        return self._get("/v1/plans", params)

    def list_all(self, **params: Unpack[ListPlansQuery]) -> Iterator[Plan]:
        return auto_page(self.list, params)


class Meters(Resource):
    @operation("createMeter")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[MeterCreateParams]) -> Meter:
        return self._post("/v1/meters", params, idempotency_key)

    @operation("retrieveMeter")
    def retrieve(self, meter: str) -> Meter:
        """By `mtr_…` id or key."""
        return self._get(f"/v1/meters/{path_id(meter, 'meter')}")

    @operation("listMeters")
    def list(self, **params: Unpack[ListMetersQuery]) -> MeterList:
        return self._get("/v1/meters", params)

    def list_all(self, **params: Unpack[ListMetersQuery]) -> Iterator[Meter]:
        return auto_page(self.list, params)


class CostModels(Resource):
    @operation("createCostModel")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[CostModelCreateParams]) -> CostModel:
        """What a unit of a meter costs you, from a date on."""
        return self._post("/v1/cost_models", params, idempotency_key)

    @operation("listCostModels")
    def list(self, **params: Unpack[ListCostModelsQuery]) -> CostModelList:
        return self._get("/v1/cost_models", params)

    def list_all(self, **params: Unpack[ListCostModelsQuery]) -> Iterator[CostModel]:
        return auto_page(self.list, params)
