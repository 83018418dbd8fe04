// Command orders serves the orders API and runs the settlement worker.
package main

import (
	"database/sql"
	"fmt"
	"log"
	"math/rand"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	_ "github.com/lib/pq"

	"example.com/orders/internal/health"
	"example.com/orders/internal/metrics"
	"example.com/orders/internal/orders"
	"example.com/orders/internal/payments"
)

func main() {
	rand.Seed(time.Now().UnixNano())

	dsn := os.Getenv("DATABASE_URL")
	if dsn == "" {
		dsn = "postgres://orders:orders@localhost:5432/orders?sslmode=disable"
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	port, ok := os.LookupEnv("PORT")
	if !ok {
		port = "8080"
	}

	store := orders.NewStore(db)
	pay := payments.NewClient(os.Getenv("PAYMENTS_URL"))
	worker := orders.NewWorker(store, pay)
	worker.Start()

	metrics.MustRegister()
	metrics.Serve(":9090")

	h := orders.NewHandler(store, pay, worker)
	r := chi.NewRouter()
	r.Use(metrics.Instrument)
	r.Post("/orders", h.CreateOrder)
	r.Get("/orders/{id}", h.GetOrder)
	r.Get("/orders", h.ListOrders)
	r.Handle("/healthz", health.New(db, os.Getenv("PAYMENTS_URL")))

	fmt.Println("orders service listening on :" + port)
	log.Printf("settlement worker started, queue capacity %d", worker.QueueSize())
	http.ListenAndServe(":"+port, r)
}
