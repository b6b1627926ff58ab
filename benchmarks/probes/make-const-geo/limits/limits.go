// Package limits holds the sizes the map services agree on: tiles, hashes, geometries.
package limits

// MaxZoom is the deepest web-mercator zoom level the tile server renders.
const MaxZoom = 23

// GeohashPrecision is the longest geohash the API accepts (about 3.7 cm × 1.9 cm).
const GeohashPrecision = 12

// MaxRingPoints is the largest polygon ring the fence editor stores inline.
const MaxRingPoints = 64

// MaxFleet is how many stops one dispatch run plans over.
const MaxFleet = 16

// MaxGeometry is how many vertices one vector-tile feature may carry.
const MaxGeometry = 256

// MaxResolution is the finest cell resolution of the hexagonal index.
const MaxResolution = 15
