// Package limits holds the shop's hard limits, shared by every service of the backend.
package limits

// Width is a fixed field width in bytes.
type Width int

const (
	// SKUWidth is the width of an encoded SKU: a 3-letter category and 7 digits.
	SKUWidth Width = 10
	// OrderIDWidth is the width of an order id: a 2-letter region, 12 base-36 digits.
	OrderIDWidth = 14
	// MaxCartLines is how many lines a cart may hold.
	MaxCartLines = 64
	// MaxPromotions is how many promotions apply to one cart.
	MaxPromotions = 8
	// MaxWarehouses is how many warehouses one reservation may span.
	MaxWarehouses = 6
	// MaxFacets is how many facets a search page shows.
	MaxFacets = 12
	// MaxRecs is how many recommendations a page shows.
	MaxRecs = 10
)
