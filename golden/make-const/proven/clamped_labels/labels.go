// Package labels builds the series key of a metric from its first few labels.
package labels

import "strings"

// maxLabels is how many labels a series key keeps; the rest are dropped.
const maxLabels = 8

// Key lower-cases at most maxLabels labels and joins them: the labels are cut to maxLabels
// first, so the scratch list never holds more.
func Key(name string, labels []string) string {
	if len(labels) > maxLabels {
		labels = labels[:maxLabels]
	}
	low := make([]string, len(labels)) // want(<go1.25) "make\\(\\[\\]string, len\\(labels\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]string, len\\(labels\\)\\) does not escape"
	for i, l := range labels {
		low[i] = strings.ToLower(l)
	}
	return name + "{" + strings.Join(low, ",") + "}"
}
