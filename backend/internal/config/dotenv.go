package config

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/joho/godotenv"
)

// WithDotenv returns a lookup that prefers the real environment (getenv) and
// falls back to the values of the .env file at path. A missing file is fine;
// a malformed one is an error.
func WithDotenv(getenv func(string) string, path string) (func(string) string, error) {
	values, err := godotenv.Read(path)
	if errors.Is(err, fs.ErrNotExist) {
		return getenv, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return func(name string) string {
		if v, ok := lookupEnv(getenv, name); ok {
			return v
		}
		return values[name]
	}, nil
}

// lookupEnv treats an empty value as unset, so .env can fill it.
func lookupEnv(getenv func(string) string, name string) (string, bool) {
	v := getenv(name)
	return v, v != ""
}
