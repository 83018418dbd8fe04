package util

import (
	"os"
	"strconv"
)

// MustEnv returns the variable's value and panics when it is unset: for
// settings the service cannot start without.
func MustEnv(name string) string {
	v, ok := os.LookupEnv(name)
	if !ok {
		panic("missing environment variable " + name)
	}
	return v
}

// EnvInt returns the variable as an int, or def when it is unset or not a number.
func EnvInt(name string, def int) int {
	n, err := strconv.Atoi(os.Getenv(name))
	if err != nil {
		return def
	}
	return n
}

// EnvBool reads a flag; a value that is not a boolean means false.
func EnvBool(name string) bool {
	//godebt:ignore error-discarded
	b, _ := strconv.ParseBool(os.Getenv(name))
	return b
}

// EnvPort returns the port to listen on.
func EnvPort() int {
	//godebt:ignore error-discarded -- the default port is fine for local runs
	return EnvInt("PORT", 8080)
}
