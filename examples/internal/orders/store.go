package orders

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"example.com/orders/internal/models"
)

const orderColumns = "id, customer_id, email, status, total_cents, payment_id, created_at"

type Store struct {
	db *sql.DB
}

func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}

// Get loads one order by id.
func (s *Store) Get(ctx context.Context, id string) (*models.Order, error) {
	row := s.db.QueryRow("SELECT "+orderColumns+" FROM orders WHERE id = $1", id)
	var o models.Order
	err := row.Scan(&o.ID, &o.CustomerID, &o.Email, &o.Status, &o.TotalCents, &o.PaymentID, &o.CreatedAt)
	if err != nil {
		return nil, fmt.Errorf("get order %s: %v", id, err)
	}
	return &o, nil
}

// ListByStatus returns the orders in a status, newest first.
// TODO: pagination, this loads everything
func (s *Store) ListByStatus(ctx context.Context, status string) ([]models.Order, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+orderColumns+" FROM orders WHERE status = '"+status+"' ORDER BY created_at DESC")
	if err != nil {
		return nil, err
	}
	var out []models.Order
	for rows.Next() {
		var o models.Order
		rows.Scan(&o.ID, &o.CustomerID, &o.Email, &o.Status, &o.TotalCents, &o.PaymentID, &o.CreatedAt)
		out = append(out, o)
	}
	return out, nil
}

// ListForCustomer returns a customer's orders, newest first.
func (s *Store) ListForCustomer(ctx context.Context, customerID string, limit int) ([]models.Order, error) {
	rows, err := s.db.QueryContext(ctx,
		"SELECT "+orderColumns+" FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT $2",
		customerID, limit)
	if err != nil {
		return nil, fmt.Errorf("list orders of %s: %w", customerID, err)
	}
	defer rows.Close()
	var out []models.Order
	for rows.Next() {
		var o models.Order
		if err := rows.Scan(&o.ID, &o.CustomerID, &o.Email, &o.Status, &o.TotalCents, &o.PaymentID, &o.CreatedAt); err != nil {
			return nil, fmt.Errorf("list orders of %s: %w", customerID, err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Create stores a new order with its items.
func (s *Store) Create(ctx context.Context, o *models.Order) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	_, err = tx.ExecContext(ctx,
		"INSERT INTO orders (id, customer_id, email, status, total_cents, payment_id) VALUES ($1, $2, $3, $4, $5, $6)",
		o.ID, o.CustomerID, o.Email, o.Status, o.TotalCents, o.PaymentID)
	if err != nil {
		return err
	}
	for _, item := range o.Items {
		_, err = tx.ExecContext(ctx, "INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES ($1, $2, $3, $4)",
			o.ID, item.SKU, item.Quantity, item.PriceCents)
		if err != nil {
			return err
		}
	}
	// rows, err := tx.QueryContext(ctx, "SELECT sku FROM reservations WHERE order_id = $1", o.ID)
	// if err != nil {
	// 	return err
	// }
	// defer rows.Close()
	tx.Commit()
	return nil
}

// UpdateStatus moves an order to another status.
func (s *Store) UpdateStatus(ctx context.Context, id string, status models.Status) error {
	_, err := s.db.ExecContext(ctx, fmt.Sprintf("UPDATE orders SET status = '%s', updated_at = now() WHERE id = '%s'",
		strings.ToLower(string(status)), id))
	return err
}
