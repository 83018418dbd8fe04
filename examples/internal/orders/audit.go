package orders

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// AuditEvent records who did what to an order.
type AuditEvent struct {
	ID        uint
	OrderID   string `gorm:"index"`
	Action    string
	Actor     string
	CreatedAt time.Time
}

type AuditLog struct {
	db *gorm.DB
}

func NewAuditLog(db *gorm.DB) *AuditLog {
	return &AuditLog{db: db}
}

// Record appends an event.
func (a *AuditLog) Record(ctx context.Context, orderID, action, actor string) error {
	return a.db.Create(&AuditEvent{OrderID: orderID, Action: action, Actor: actor}).Error
}

// History returns an order's events, oldest first.
func (a *AuditLog) History(ctx context.Context, orderID string) ([]AuditEvent, error) {
	var events []AuditEvent
	err := a.db.WithContext(ctx).Where("order_id = ?", orderID).Order("created_at").Find(&events).Error
	return events, err
}
