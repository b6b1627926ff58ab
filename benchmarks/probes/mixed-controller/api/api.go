// Package api holds the controller's object model, shaped like Kubernetes' metav1 types.
package api

import "time"

// OwnerRef points at an object's owner.
type OwnerRef struct {
	Kind       string
	Name       string
	UID        string
	Controller bool
}

// ObjectMeta is the metadata every object carries.
type ObjectMeta struct {
	Namespace         string
	Name              string
	UID               string
	ResourceVersion   int64
	Generation        int64
	Labels            map[string]string
	Finalizers        []string
	OwnerRefs         []OwnerRef
	DeletionTimestamp *time.Time
}

// Spec is the desired state of a deployment-like object.
type Spec struct {
	Replicas int32
	Image    string
	Ports    []int32
	Env      map[string]string
	Paused   bool
}

// Condition is one status condition.
type Condition struct {
	Type    string
	Status  string
	Reason  string
	Message string
}

// Status is the observed state.
type Status struct {
	ReadyReplicas      int32
	ObservedGeneration int64
	Phase              string
	Conditions         []Condition
}

// Object is a namespaced object with a spec and a status.
type Object struct {
	ObjectMeta
	Spec   Spec
	Status Status
}

// Key is the namespace/name key informers and queues use.
func Key(o *Object) string {
	if o.Namespace == "" {
		return o.Name
	}
	return o.Namespace + "/" + o.Name
}

// Deleting reports whether the object is marked for deletion.
func (o *Object) Deleting() bool { return o.DeletionTimestamp != nil }

// Kind is the object's kind in this controller: owned objects are ReplicaSets, roots Deployments.
func (o *Object) Kind() string {
	if i := len(o.OwnerRefs); i > 0 {
		return "ReplicaSet"
	}
	return "Deployment"
}
