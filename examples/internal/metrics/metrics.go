// Package metrics defines the service's Prometheus metrics and serves them.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var (
	OrdersCreated = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "orders",
		Name:      "created",
		Help:      "Orders created, by resulting status.",
	}, []string{"status"})

	PaymentLatency = prometheus.NewHistogram(prometheus.HistogramOpts{
		Namespace: "orders",
		Name:      "payment_latency_milliseconds",
		Help:      "Time the payment service took to charge a card.",
		Buckets:   []float64{50, 100, 250, 500, 1000, 2500, 5000},
	})

	QueueDepth = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "settlementQueueDepth",
		Help: "Orders waiting for settlement.",
	})

	RequestsTotal = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "orders",
		Name:      "http_requests_total",
		Help:      "HTTP requests served.",
	}, []string{"method", "path", "user_id", "code"})

	RequestDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: "orders",
		Subsystem: "http",
		Name:      "request_duration_seconds",
		Help:      "Time to serve a request.",
		Buckets:   prometheus.DefBuckets,
	}, []string{"method", "route", "code"})
)

// MustRegister registers every metric with the default registry.
func MustRegister() {
	prometheus.MustRegister(OrdersCreated, PaymentLatency, QueueDepth, RequestsTotal, RequestDuration)
}

// Serve exposes /metrics on its own port for the scraper.
func Serve(addr string) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	srv := &http.Server{Addr: addr, Handler: mux}
	go srv.ListenAndServe()
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Instrument counts and times every request.
func Instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		code := strconv.Itoa(rec.status)
		RequestsTotal.WithLabelValues(r.Method, r.URL.Path, r.Header.Get("X-User-ID"), code).Inc()
		RequestDuration.WithLabelValues(r.Method, routeOf(r), code).Observe(time.Since(start).Seconds())
	})
}

// routeOf is the route pattern, so that /orders/123 and /orders/456 share a series.
func routeOf(r *http.Request) string {
	if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
		return rc.RoutePattern()
	}
	return "unmatched"
}
