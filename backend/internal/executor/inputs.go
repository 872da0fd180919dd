package executor

// str returns inputs[key] as a string, if it is one.
func str(inputs map[string]any, key string) (string, bool) {
	s, ok := inputs[key].(string)
	return s, ok
}

// StringList reads a JSON list of strings (or a single string).
func StringList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
