package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// SlackMessage is the payload of an incoming webhook.
type SlackMessage struct {
	Channel     string       `json:"channel,omitempty"`
	Text        string       `json:"text"`
	Attachments []Attachment `json:"attachments,omitempty"`
}

// Attachment is one coloured block of a Slack message.
type Attachment struct {
	Color  string  `json:"color"`
	Title  string  `json:"title"`
	Fields []Field `json:"fields,omitempty"`
}

// Field is a short key/value line of an attachment.
type Field struct {
	Title string `json:"title"`
	Value string `json:"value"`
	Short bool   `json:"short"`
}

// WebhookResponse is what the chat service answers.
type WebhookResponse struct {
	OK      bool   `json:"ok"`
	Error   string `json:"error,omitempty"`
	TS      string `json:"ts,omitempty"`
	Retries int    `json:"retries,omitempty"`
}

// MessageID is the id the service gives a posted message; it is kept raw.
type MessageID []byte

// UnmarshalJSON keeps the raw id bytes.
func (id *MessageID) UnmarshalJSON(b []byte) error {
	*id = b
	return nil
}

// PostResult carries the raw id of a posted message.
type PostResult struct {
	OK bool      `json:"ok"`
	ID MessageID `json:"id"`
}

// EncodeSlack writes msg as JSON to w, without HTML escaping and without
// touching w when encoding fails.
func EncodeSlack(w io.Writer, msg *SlackMessage) error {
	buf := new(bytes.Buffer)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(msg); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Post sends msg to the webhook url.
func Post(ctx context.Context, c *http.Client, url string, msg *SlackMessage) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(msg); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, &buf)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = ParseResponse(resp.Body)
	return err
}

// ParseResponse reads at most 64 KiB of a webhook answer and decodes it.
func ParseResponse(r io.Reader) (WebhookResponse, error) {
	var buf bytes.Buffer
	var out WebhookResponse
	if _, err := buf.ReadFrom(io.LimitReader(r, 64<<10)); err != nil {
		return out, err
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		return out, fmt.Errorf("webhook answer: %w", err)
	}
	return out, nil
}

// ParsePostResult decodes the answer of a post, keeping the raw id.
func ParsePostResult(r io.Reader) (PostResult, error) {
	var buf bytes.Buffer
	var out PostResult
	if _, err := buf.ReadFrom(io.LimitReader(r, 64<<10)); err != nil {
		return out, err
	}
	err := json.Unmarshal(buf.Bytes(), &out)
	return out, err
}

// ReadAck reads a short acknowledgement frame into a scratch buffer.
func ReadAck(r io.Reader) (WebhookResponse, error) {
	scratch := make([]byte, 4096)
	var out WebhookResponse
	n, err := io.ReadFull(r, scratch)
	if err != nil && err != io.ErrUnexpectedEOF {
		return out, err
	}
	err = json.Unmarshal(scratch[:n], &out)
	return out, err
}

// Sign returns the hex HMAC-SHA256 of "v0:<ts>:<body>", the signature chat
// services put in a request header.
func Sign(secret []byte, ts time.Time, body []byte) string {
	var base bytes.Buffer
	base.WriteString("v0:")
	base.WriteString(strconv.FormatInt(ts.Unix(), 10))
	base.WriteByte(':')
	base.Write(body)
	mac := hmac.New(sha256.New, secret)
	mac.Write(base.Bytes())
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// MarshalSlack returns the JSON of msg.
func MarshalSlack(msg *SlackMessage) ([]byte, error) {
	buf := new(bytes.Buffer)
	if err := json.NewEncoder(buf).Encode(msg); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(buf.Bytes()), nil
}

// Compact writes raw JSON without insignificant space to w.
func Compact(w io.Writer, raw []byte) error {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Indent writes raw JSON pretty-printed to w.
func Indent(w io.Writer, raw []byte) error {
	buf := new(bytes.Buffer)
	if err := json.Indent(buf, raw, "", "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err := buf.WriteTo(w)
	return err
}

// Deliverer posts payloads in the background.
type Deliverer struct {
	Send func([]byte) error
	Errs chan error
}

// DeliverAsync encodes msg and posts it from a goroutine.
func (d *Deliverer) DeliverAsync(msg *SlackMessage) {
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(msg)
	go func() {
		d.Errs <- d.Send(buf.Bytes())
	}()
}
