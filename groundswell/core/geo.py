"""Distances on the globe, the same on SQLite and PostgreSQL: a bounding box narrows the rows
with plain indexed comparisons in SQL, then the exact great-circle distance ranks them in Python."""

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1, lon1, lat2, lon2):
    """The great-circle (haversine) distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Box:
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float

    def lookups(self, lat_field="latitude", lon_field="longitude"):
        """Django filter lookups for rows inside the box (None where the box wraps the globe)."""
        found = {f"{lat_field}__gte": self.min_lat, f"{lat_field}__lte": self.max_lat}
        if self.min_lon > -180 or self.max_lon < 180:
            found |= {f"{lon_field}__gte": self.min_lon, f"{lon_field}__lte": self.max_lon}
        return found


def bounding_box(lat, lon, km):
    """The smallest latitude/longitude box holding every point within `km` of (lat, lon)."""
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    min_lat, max_lat = lat - dlat, lat + dlat
    if min_lat <= -90 or max_lat >= 90:  # a pole is inside: every longitude
        return Box(max(min_lat, -90.0), min(max_lat, 90.0), -180.0, 180.0)
    dlon = math.degrees(km / (EARTH_RADIUS_KM * math.cos(math.radians(lat))))
    min_lon, max_lon = lon - dlon, lon + dlon
    if min_lon < -180 or max_lon > 180:  # the antimeridian: keep it simple, every longitude
        return Box(min_lat, max_lat, -180.0, 180.0)
    return Box(min_lat, max_lat, min_lon, max_lon)


def within(rows, lat, lon, km, *, lat_attr="latitude", lon_attr="longitude"):
    """[(distance, row)] for rows within `km` of (lat, lon), nearest first; rows without
    coordinates are left out. Narrow the rows first with bounding_box(...).lookups()."""
    found = []
    for row in rows:
        rlat, rlon = getattr(row, lat_attr), getattr(row, lon_attr)
        if rlat is None or rlon is None:
            continue
        d = distance_km(lat, lon, rlat, rlon)
        if d <= km:
            found.append((d, row))
    found.sort(key=lambda pair: pair[0])
    return found


def valid_coordinates(lat, lon):
    """True when both are finite numbers on the globe."""
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return False
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180
