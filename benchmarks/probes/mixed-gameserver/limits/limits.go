// Package limits holds the server's fixed sizes; the wire format and the tick budget depend on them.
package limits

const (
	MaxPacket    = 1200 // bytes in one UDP datagram we send
	MaxPlayers   = 16   // players in one room
	MaxEntities  = 256  // entities in one room
	GridW        = 32   // spatial grid columns
	GridH        = 32   // spatial grid rows
	CellSize     = 16   // world units per grid cell
	CellCap      = 8    // entities a cell keeps before it spills
	MaxNodes     = 512  // path-finding open set
	MaxInputs    = 64   // queued inputs per player
	ChatWidth    = 120  // characters in one chat line
	MaxRooms     = 8    // rooms one shard runs
	MaxEvents    = 32   // events one tick may raise
	MaxQuadDepth = 6    // quad-tree levels
	QuadLeaf     = 4    // entities in a quad-tree leaf before it splits
	TickRate     = 30   // ticks per second
	PoolSize     = 64   // players a matchmaking pool holds
	TeamSize     = 4    // players per team
)
