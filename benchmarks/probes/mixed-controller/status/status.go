// Package status builds status patches and human-readable status lines.
package status

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"example.com/probes/mixed-controller/api"
	"example.com/probes/mixed-controller/limits"
)

// SetCondition replaces the condition of c's type, or appends it while there is room.
func SetCondition(conds []api.Condition, c api.Condition) []api.Condition {
	for i := range conds {
		if conds[i].Type == c.Type {
			conds[i] = c
			return conds
		}
	}
	if len(conds) >= limits.MaxConditions {
		return conds
	}
	return append(conds, c)
}

// Phase derives the phase the status line shows.
func Phase(o *api.Object) string {
	switch {
	case o.Deleting():
		return "Terminating"
	case o.Spec.Paused:
		return "Paused"
	case o.Status.ReadyReplicas < o.Spec.Replicas:
		return "Progressing"
	default:
		return "Available"
	}
}

// MergePatch returns a JSON merge patch of the status for the API server.
func MergePatch(o *api.Object) ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"metadata":{"resourceVersion":"%d"},"status":{`, o.ResourceVersion)
	fmt.Fprintf(&buf, `"readyReplicas":%d,"observedGeneration":%d,"phase":%q`,
		o.Status.ReadyReplicas, o.Status.ObservedGeneration, Phase(o))
	buf.WriteString("}}")
	return buf.Bytes(), nil
}

// WritePatch writes the status patch to w, built in a buffer so a failed write sends nothing partial.
func WritePatch(w io.Writer, o *api.Object) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"status":{"readyReplicas":%d,"observedGeneration":%d,"phase":%q}}`,
		o.Status.ReadyReplicas, o.Status.ObservedGeneration, Phase(o))
	_, err := w.Write(buf.Bytes())
	return err
}

type conditionPatch struct {
	Status struct {
		Conditions []api.Condition `json:"conditions"`
	} `json:"status"`
}

// ConditionsPatch encodes the conditions as a strategic-merge-style patch.
func ConditionsPatch(conds []api.Condition) ([]byte, error) {
	var p conditionPatch
	p.Status.Conditions = conds
	return json.Marshal(&p)
}

// EncodeStatus writes the object's status as one JSON line, as the audit log wants it.
func EncodeStatus(w io.Writer, o *api.Object) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(o.Status); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// Line is the one-line status kubectl-style get prints.
func Line(o *api.Object) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s %d/%d %s", limits.NameWidth, api.Key(o), o.Status.ReadyReplicas, o.Spec.Replicas, Phase(o))
	return b.String()
}

// Table writes every object's status aligned through a tabwriter into a buffer, then to w.
func Table(w io.Writer, objs []*api.Object) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAMESPACE\tNAME\tREADY\tPHASE")
	for _, o := range objs {
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%s\n", o.Namespace, o.Name, o.Status.ReadyReplicas, o.Spec.Replicas, Phase(o))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Message joins the conditions that are not True into one message for an event.
func Message(conds []api.Condition) string {
	n := min(len(conds), limits.MaxConditions)
	parts := make([]string, 0, n)
	for _, c := range conds[:n] {
		if c.Status != "True" {
			parts = append(parts, c.Type+": "+c.Reason)
		}
	}
	return strings.Join(parts, "; ")
}

// Reasons records the not-True conditions' reasons into the buffer the caller keeps for the next sync.
type Reasons struct {
	Last *bytes.Buffer
}

// Record renders the reasons into a new buffer the recorder keeps.
func (r *Reasons) Record(conds []api.Condition) {
	var buf bytes.Buffer
	for _, c := range conds {
		if c.Status != "True" {
			fmt.Fprintf(&buf, "%s=%s\n", c.Type, c.Reason)
		}
	}
	r.Last = &buf
}
