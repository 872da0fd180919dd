package executor

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// decodeConfig reads a node's config strictly: unknown fields are errors.
func decodeConfig(raw json.RawMessage, into any) []FieldError {
	if len(raw) == 0 {
		raw = json.RawMessage(`{}`)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		return []FieldError{{Field: "config", Message: fmt.Sprintf("the config is not valid: %v", err)}}
	}
	return nil
}

// configError joins field errors into one error for Run.
func configError(errs []FieldError) error {
	if len(errs) == 0 {
		return nil
	}
	msg := ""
	for i, e := range errs {
		if i > 0 {
			msg += "; "
		}
		msg += e.Field + ": " + e.Message
	}
	return fmt.Errorf("bad config: %s", msg)
}

// str returns inputs[key] as a string, if it is one.
func str(inputs map[string]any, key string) (string, bool) {
	s, ok := inputs[key].(string)
	return s, ok
}

// schema builds a JSON Schema object with the given properties.
func schema(required []string, props map[string]any) map[string]any {
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}
