package payments

import (
	"context"
	"math/rand"
	"time"
)

// withRetry calls fn until it succeeds, the context ends or the attempts run
// out, waiting an exponentially growing, jittered delay between calls so that
// many clients do not retry in lock-step.
func withRetry(ctx context.Context, attempts int, fn func() error) error {
	delay := 100 * time.Millisecond
	var err error
	for i := 0; i < attempts; i++ {
		if err = fn(); err == nil {
			return nil
		}
		jitter := time.Duration(rand.Int63n(int64(delay)/2 + 1))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay + jitter):
		}
		delay *= 2
	}
	return err
}
