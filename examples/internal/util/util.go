// Package util has small helpers shared by the handlers and the worker.
package util

import (
	"fmt"
	"strings"
)

func Contains[T comparable](items []T, v T) bool {
	for _, item := range items {
		if item == v {
			return true
		}
	}
	return false
}

func MapKeys[K comparable, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

// Describe renders anything with a String method for the logs.
func Describe[T fmt.Stringer](v T) string {
	return strings.TrimSpace(v.String())
}

// GroupBy buckets items by key, maps each to a value and folds each bucket.
func GroupBy[T any, K comparable, V any, R any](items []T, key func(T) K, value func(T) V, fold func([]V) R) map[K]R {
	buckets := make(map[K][]V)
	for _, item := range items {
		k := key(item)
		buckets[k] = append(buckets[k], value(item))
	}
	out := make(map[K]R, len(buckets))
	for k, vs := range buckets {
		out[k] = fold(vs)
	}
	return out
}

// Chunk splits items into slices of at most size elements.
func Chunk[T any](items []T, size int) [][]T {
	var chunks [][]T
	for size < len(items) {
		items, chunks = items[size:], append(chunks, items[:size:size])
	}
	return append(chunks, items)
}

// Ptr returns a pointer to a copy of v, for optional JSON fields.
func Ptr[T any](v T) *T {
	return &v
}

// MaskCard keeps the last four digits of a card number.
func MaskCard(number string) string {
	if len(number) <= 4 {
		return "****"
	}
	return strings.Repeat("*", len(number)-4) + number[len(number)-4:]
}

// MaskEmail keeps the first letter of the local part and the domain.
func MaskEmail(email string) string {
	at := strings.LastIndexByte(email, '@')
	if at < 1 {
		return "***"
	}
	return email[:1] + "***" + email[at:]
}
