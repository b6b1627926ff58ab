// Package limits holds the sizes the controller is built around.
package limits

const (
	// MaxRequirements is how many requirements one label selector may carry.
	MaxRequirements = 16
	// MaxValues is how many values one set-based requirement may list.
	MaxValues = 8
	// MaxNamespaces caps how many namespaces one reconcile pass fans out to.
	MaxNamespaces = 32
	// MaxFinalizers caps the finalizers an object may carry.
	MaxFinalizers = 8
	// MaxOwnerDepth caps how deep an owner chain is followed.
	MaxOwnerDepth = 8
	// BackoffSteps is the length of the exponential backoff table.
	BackoffSteps = 10
	// NameWidth is the longest DNS-1123 label.
	NameWidth = 63
	// MaxConditions caps an object's status conditions.
	MaxConditions = 8
	// MaxDiffFields caps how many changed fields a spec diff reports.
	MaxDiffFields = 12
)
