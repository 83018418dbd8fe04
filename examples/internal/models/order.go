// Package models holds the types every layer passes around.
package models

import (
	"fmt"
	"strings"
	"time"
)

type Status string

const (
	StatusPending   Status = "pending"
	StatusPaid      Status = "paid"
	StatusShipped   Status = "shipped"
	StatusCancelled Status = "cancelled"
)

// Label is the status as shown in emails.
func (s Status) Label() string {
	return strings.Title(string(s))
}

// ParseStatus maps the database value back to a Status.
func ParseStatus(s string) Status {
	switch Status(s) {
	case StatusPending, StatusPaid, StatusShipped, StatusCancelled:
		return Status(s)
	}
	panic("unknown order status " + s)
}

type LineItem struct {
	SKU        string `json:"sku"`
	Quantity   int    `json:"quantity"`
	PriceCents int64  `json:"price_cents"`
	WeightG    int    `json:"weight_g"`
}

type Order struct {
	ID         string     `json:"id"`
	CustomerID string     `json:"customer_id"`
	Email      string     `json:"email"`
	Status     Status     `json:"status"`
	Items      []LineItem `json:"items"`
	TotalCents int64      `json:"total_cents"`
	PaymentID  string     `json:"payment_id"`
	CreatedAt  time.Time  `json:"created_at"`
}

// Total returns the order total in currency units.
//
// Deprecated: floats lose cents; use TotalCents.
func (o *Order) Total() float64 {
	return float64(o.TotalCents) / 100
}

func (o *Order) String() string {
	return fmt.Sprintf("order %s (%s, %.2f)", o.ID, o.Status.Label(), o.Total())
}

// Summary is the one-line description used in notification emails.
func Summary(o *Order) string {
	return fmt.Sprintf("%s: %d items, %.2f %s", o.ID, len(o.Items), o.Total(), o.Status.Label())
}

// Weight is the shipping weight of all items, in grams.
func (o *Order) Weight() int {
	grams := 0
	for _, item := range o.Items {
		grams += item.WeightG * item.Quantity
	}
	return grams
}
