// Package health answers the load balancer's health checks.
package health

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

var errPaymentsDown = errors.New("payment service is unhealthy")

// Checker reports whether the database and the payment service answer.
type Checker struct {
	db          *sql.DB
	client      *http.Client
	paymentsURL string
}

func New(db *sql.DB, paymentsURL string) *Checker {
	return &Checker{
		db:          db,
		client:      &http.Client{Timeout: 2 * time.Second},
		paymentsURL: paymentsURL,
	}
}

func (c *Checker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()

	status := map[string]string{"db": "ok", "payments": "ok"}
	code := http.StatusOK
	if err := c.db.PingContext(ctx); err != nil {
		slog.WarnContext(ctx, "health: database unreachable", "error", err)
		status["db"] = "down"
		code = http.StatusServiceUnavailable
	}
	if err := c.pingPayments(ctx); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			status["payments"] = "slow"
		} else {
			status["payments"] = "down"
		}
		slog.WarnContext(ctx, "health: payment service", "error", err, "caller", r.RemoteAddr)
		code = http.StatusServiceUnavailable
	}

	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	if err := json.NewEncoder(w).Encode(status); err != nil {
		slog.WarnContext(ctx, "health: writing response", "error", err)
	}
}

func (c *Checker) pingPayments(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.paymentsURL+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return fmt.Errorf("payments health: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errPaymentsDown
	}
	return nil
}
