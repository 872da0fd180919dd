package store

import (
	"encoding/json"
	"fmt"
	"time"
)

// dbTime scans a timestamp from either driver: time.Time from pgx, TEXT
// from SQLite. A NULL leaves Valid false.
type dbTime struct {
	Time  time.Time
	Valid bool
}

// Scan implements sql.Scanner.
func (t *dbTime) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		t.Valid = false
		return nil
	case time.Time:
		t.Time, t.Valid = v.UTC(), true
		return nil
	case string:
		return t.parse(v)
	case []byte:
		return t.parse(string(v))
	}
	return fmt.Errorf("store: cannot scan %T as a time", src)
}

// parse reads the formats SQLite may hold.
func (t *dbTime) parse(s string) error {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05"} {
		if p, err := time.Parse(layout, s); err == nil {
			t.Time, t.Valid = p.UTC(), true
			return nil
		}
	}
	return fmt.Errorf("store: bad time %q", s)
}

// ptr returns nil for NULL.
func (t dbTime) ptr() *time.Time {
	if !t.Valid {
		return nil
	}
	v := t.Time
	return &v
}

// jsonCol scans JSON from either driver into raw bytes (nil for NULL).
type jsonCol struct{ Raw json.RawMessage }

// Scan implements sql.Scanner.
func (j *jsonCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		j.Raw = nil
	case []byte:
		j.Raw = append(json.RawMessage(nil), v...)
	case string:
		j.Raw = json.RawMessage(v)
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("store: cannot scan %T as JSON: %w", src, err)
		}
		j.Raw = b
	}
	return nil
}

// stringsCol scans a JSON array of strings (how both dialects read text[]).
type stringsCol struct{ V []string }

// Scan implements sql.Scanner.
func (s *stringsCol) Scan(src any) error {
	var j jsonCol
	if err := j.Scan(src); err != nil {
		return err
	}
	s.V = []string{}
	if j.Raw == nil {
		return nil
	}
	return json.Unmarshal(j.Raw, &s.V)
}

// encodeStrings encodes a string list as a JSON array parameter.
func encodeStrings(v []string) string {
	if v == nil {
		v = []string{}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// orEmptyObject returns {} for a missing JSON object.
func orEmptyObject(b json.RawMessage) json.RawMessage {
	if len(b) == 0 {
		return json.RawMessage(`{}`)
	}
	return b
}
