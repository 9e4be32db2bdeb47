"""`nozle.reservations` and `nozle.reserve()`: units of a metered feature held under the
customer's limit (atomically, on the server), then committed as usage once or released."""

from __future__ import annotations

from typing import Iterator, Optional, Unpack

from .._transport import Transport
from ..models import ListReservationsQuery, Reservation, ReservationCommitParams, ReservationCreateParams, ReservationList
from ._base import Resource, auto_page, operation, path_id


class Reservations(Resource):
    @operation("createReservation")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[ReservationCreateParams]) -> Reservation:
        """Holds `quantity` units of a metered `feature` (or of credit in `currency`) if they fit; a
        409 `limit_reached` (or `no_access`, `revoked`, `insufficient_credits`) raises otherwise."""
        return self._post("/v1/reservations", params, idempotency_key)

    @operation("listReservations")
    def list(self, **params: Unpack[ListReservationsQuery]) -> ReservationList:
        """The project's reservations, newest first (`customer`, `status` filter them)."""
        return self._get("/v1/reservations", params)

    def list_all(self, **params: Unpack[ListReservationsQuery]) -> Iterator[Reservation]:
        return auto_page(self.list, params)

    @operation("retrieveReservation")
    def retrieve(self, reservation: str) -> Reservation:
        return self._get(f"/v1/reservations/{path_id(reservation, 'reservation')}")

    @operation("commitReservation")
    def commit(self, reservation: str, *, idempotency_key: Optional[str] = None, **params: Unpack[ReservationCommitParams]) -> Reservation:
        """Records `quantity` (at most the reserved amount; all of it when absent) as usage, once:
        committing again answers the same."""
        return self._post(f"/v1/reservations/{path_id(reservation, 'reservation')}/commit", params, idempotency_key)

    @operation("releaseReservation")
    def release(self, reservation: str, *, idempotency_key: Optional[str] = None) -> Reservation:
        """Frees the hold without recording usage."""
        return self._post(f"/v1/reservations/{path_id(reservation, 'reservation')}/release", None, idempotency_key)


class ReservationHandle:
    """A held reservation, as `nozle.reserve()` answers it: `commit(actual)` or `release()`."""

    def __init__(self, transport: Transport, reservation: Reservation) -> None:
        self._reservations = Reservations(transport)
        #: The reservation as last answered (by the reserve, the commit or the release).
        self.reservation = reservation

    @property
    def id(self) -> str:
        return self.reservation["id"]

    def commit(self, actual: Optional[int] = None, *, idempotency_key: Optional[str] = None) -> Reservation:
        """Records `actual` units (the reserved quantity when None) as usage, once however often it is called."""
        params: ReservationCommitParams = {} if actual is None else {"quantity": actual}
        self.reservation = self._reservations.commit(self.id, idempotency_key=idempotency_key, **params)
        return self.reservation

    def release(self, *, idempotency_key: Optional[str] = None) -> Reservation:
        self.reservation = self._reservations.release(self.id, idempotency_key=idempotency_key)
        return self.reservation
