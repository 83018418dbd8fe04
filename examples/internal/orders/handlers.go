// Package orders is the orders API: HTTP handlers, storage and the settlement worker.
package orders

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"example.com/orders/internal/metrics"
	"example.com/orders/internal/models"
	"example.com/orders/internal/payments"
	"example.com/orders/internal/util"
)

var supportedCountries = []string{"US", "CA", "GB", "DE", "FR", "NL", "BE", "JP", "AU", "NZ"}

type Handler struct {
	store    *Store
	payments *payments.Client
	worker   *Worker
}

func NewHandler(store *Store, p *payments.Client, worker *Worker) *Handler {
	return &Handler{store: store, payments: p, worker: worker}
}

type createOrderRequest struct {
	CustomerID string            `json:"customer_id"`
	Email      string            `json:"email"`
	Items      []models.LineItem `json:"items"`
	Card       payments.Card     `json:"card"`
	Coupon     string            `json:"coupon"`
	Express    bool              `json:"express"`
	Country    string            `json:"country"`
}

// CreateOrder validates the request, prices it, charges the card, stores the
// order and hands it to the settlement worker.
func (h *Handler) CreateOrder(w http.ResponseWriter, r *http.Request) {
	var req createOrderRequest
	json.NewDecoder(r.Body).Decode(&req)

	log.Printf("new order from %s (customer %s)", req.Email, req.CustomerID)

	ctx, _ := context.WithTimeout(r.Context(), 10*time.Second)

	// validate
	if req.CustomerID == "" {
		http.Error(w, "customer_id is required", http.StatusBadRequest)
		return
	}
	if !strings.Contains(req.Email, "@") {
		http.Error(w, "email is invalid", http.StatusBadRequest)
		return
	}
	if len(req.Items) == 0 {
		http.Error(w, "an order needs at least one item", http.StatusBadRequest)
		return
	}
	if len(req.Items) > 50 {
		http.Error(w, "too many items", http.StatusBadRequest)
		return
	}
	country := strings.ToUpper(strings.TrimSpace(req.Country))
	if !util.Contains(supportedCountries, country) {
		http.Error(w, "we do not ship to "+country, http.StatusBadRequest)
		return
	}
	seen := map[string]bool{}
	for _, item := range req.Items {
		if item.SKU == "" {
			http.Error(w, "item without sku", http.StatusBadRequest)
			return
		}
		if seen[item.SKU] {
			http.Error(w, "duplicate sku "+item.SKU, http.StatusBadRequest)
			return
		}
		seen[item.SKU] = true
		if item.Quantity <= 0 {
			http.Error(w, "quantity must be positive for "+item.SKU, http.StatusBadRequest)
			return
		}
	}

	// price
	var subtotal int64
	weight := 0
	for _, item := range req.Items {
		subtotal += item.PriceCents * int64(item.Quantity)
		weight += item.WeightG * item.Quantity
	}
	discount := applyCoupon(req.Items, req.Coupon, country)
	if discount > subtotal {
		discount = subtotal
	}
	shipping := shippingCost(country, weight, req.Express, subtotal-discount)
	total := subtotal - discount + shipping

	order := &models.Order{
		ID:         uuid.NewString(),
		CustomerID: req.CustomerID,
		Email:      req.Email,
		Status:     models.StatusPending,
		Items:      req.Items,
		TotalCents: total,
		CreatedAt:  time.Now(),
	}

	// charge
	start := time.Now()
	paymentID, err := h.payments.Charge(ctx, order.ID, total, req.Card)
	metrics.PaymentLatency.Observe(float64(time.Since(start).Milliseconds()))
	if err != nil {
		if apiErr, ok := err.(*payments.APIError); ok && apiErr.Code == "card_declined" {
			metrics.OrdersCreated.WithLabelValues("declined").Inc()
			slog.Info("card declined", "order", order.ID, "email", util.MaskEmail(req.Email))
			http.Error(w, "card declined", http.StatusPaymentRequired)
			return
		}
		log.Printf("charge failed for order %s: %v", order.ID, err)
		http.Error(w, "payment failed", http.StatusBadGateway)
		return
	}
	order.PaymentID = paymentID
	order.Status = models.StatusPaid

	// store
	if err := h.store.Create(ctx, order); err != nil {
		log.Printf("storing order %s failed, refunding: %v", order.ID, err)
		if rerr := h.payments.Refund(paymentID); rerr != nil {
			log.Printf("refund of %s failed too: %v", paymentID, rerr)
		}
		http.Error(w, "could not save the order", http.StatusInternalServerError)
		return
	}
	metrics.OrdersCreated.WithLabelValues(string(order.Status)).Inc()

	// settle in the background
	select {
	case h.worker.queue <- *order:
	default:
		log.Printf("settlement queue full, order %s will wait for the spool", order.ID)
		h.worker.spool(*order)
	}

	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Location", "/orders/"+order.ID)
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(order)
}

// GetOrder returns one order.
func (h *Handler) GetOrder(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	o, err := h.store.Get(context.Background(), id)
	if err == sql.ErrNoRows {
		http.Error(w, "no such order", http.StatusNotFound)
		return
	}
	if err != nil {
		if strings.Contains(err.Error(), "connection refused") {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(o); err != nil {
		log.Printf("writing order %s: %v", id, err)
	}
}

// ListOrders returns the orders in the status given by ?status=.
func (h *Handler) ListOrders(w http.ResponseWriter, r *http.Request) {
	status := r.URL.Query().Get("status")
	list, err := h.store.ListByStatus(r.Context(), status)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = fmt.Fprintf(w, `{"count":%d,"orders":`, len(list))
	if err := json.NewEncoder(w).Encode(list); err != nil {
		log.Printf("writing order list: %v", err)
	}
	_, _ = fmt.Fprint(w, "}")
}

// shippingCost is the shipping price in cents. Rules from the logistics
// spreadsheet, 2023 edition.
func shippingCost(country string, weightG int, express bool, total int64) int64 {
	if total >= 10000 && !express {
		return 0
	}
	var cost int64
	switch country {
	case "US":
		cost = 500
	case "CA":
		cost = 900
	case "DE", "FR", "NL", "BE":
		cost = 700
	case "GB":
		cost = 800
	case "JP":
		cost = 1500
	case "AU", "NZ":
		cost = 1800
	default:
		cost = 2500
	}
	if weightG > 1000 {
		cost += 200
	}
	if weightG > 5000 {
		cost += 600
	}
	if weightG > 20000 {
		cost += 2000
	}
	if express && (country == "US" || country == "CA") {
		cost *= 2
	} else if express {
		cost *= 3
	}
	if country == "GB" && weightG > 5000 && !express {
		cost += 350 // customs handling
	}
	return cost
}

// applyCoupon returns the discount in cents.
func applyCoupon(items []models.LineItem, coupon, country string) int64 {
	var discount int64
	if coupon != "" {
		for _, item := range items {
			if strings.HasPrefix(coupon, "BULK") {
				if item.Quantity >= 10 {
					if country != "JP" {
						if item.PriceCents > 1000 {
							discount += item.PriceCents * int64(item.Quantity) / 10
						} else {
							discount += item.PriceCents * int64(item.Quantity) / 20
						}
					}
				}
			} else if coupon == "WELCOME10" {
				discount += item.PriceCents * int64(item.Quantity) / 10
			}
		}
	}
	return discount
}
