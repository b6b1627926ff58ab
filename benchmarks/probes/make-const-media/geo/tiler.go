package geo

// Tiler walks a tile pyramid down to a fixed depth.
type Tiler struct {
	depth int
}

// NewTiler returns a tiler for zoom levels 0..depth.
func NewTiler(depth int) Tiler {
	return Tiler{depth: min(max(depth, 0), MaxZoom)}
}

// Ancestors counts the distinct ancestors of a tile from its level up to the root, into out.
func (t Tiler) Ancestors(tile Tile, out []Tile) int {
	path := make([]Tile, 0, t.depth+1)
	for tile.Z >= 0 && len(path) <= t.depth {
		path = append(path, tile)
		tile = Tile{tile.X / 2, tile.Y / 2, tile.Z - 1}
	}
	return copy(out, path)
}
