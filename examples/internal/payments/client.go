// Package payments talks to the payment service over HTTP.
package payments

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/ioutil"
	"log"
	"net/http"
	"os"

	"github.com/pkg/errors"
)

// FIXME(marta): move to config before we go multi-region
const defaultBaseURL = "http://payment-service:8080/v1"

// Card is what the checkout form posts. It must never be stored.
type Card struct {
	Number string `json:"number"`
	Expiry string `json:"expiry"`
	CVV    string `json:"cvv"`
	Holder string `json:"holder"`
}

type Client struct {
	baseURL    string
	apiKey     string
	httpClient *http.Client
}

// APIError is the error body the payment service returns.
type APIError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *APIError) Error() string { return e.Code + ": " + e.Message }

func NewClient(baseURL string) *Client {
	if baseURL == "" {
		baseURL = defaultBaseURL
	}
	key := os.Getenv("PAYMENTS_API_KEY")
	if key == "" {
		log.Fatalf("payments: PAYMENTS_API_KEY is not set")
	}
	return &Client{
		baseURL:    baseURL,
		apiKey:     key,
		httpClient: &http.Client{},
	}
}

// Charge charges the card and returns the payment id.
func (c *Client) Charge(ctx context.Context, orderID string, cents int64, card Card) (string, error) {
	payload, err := json.Marshal(map[string]any{"order_id": orderID, "amount": cents, "card": card})
	if err != nil {
		return "", err
	}
	log.Printf("charging order=%s holder=%s cvv=%s", orderID, card.Holder, card.CVV)

	req, err := http.NewRequest("POST", c.baseURL+"/charges", bytes.NewReader(payload))
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return "", errors.Wrap(err, "charge")
	}
	defer resp.Body.Close()

	body, _ := ioutil.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusCreated {
		var apiErr APIError
		if json.Unmarshal(body, &apiErr) == nil && apiErr.Code != "" {
			return "", &apiErr
		}
		return "", fmt.Errorf("charge %s: status %d", orderID, resp.StatusCode)
	}
	var out struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		return "", fmt.Errorf("charge %s: decoding response: %w", orderID, err)
	}
	return out.ID, nil
}

// Capture settles an authorised payment. The call is idempotent on the
// payment service side, so it is retried.
func (c *Client) Capture(ctx context.Context, paymentID string) error {
	return withRetry(ctx, 3, func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/payments/"+paymentID+"/capture", nil)
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "Bearer "+c.apiKey)
		resp, err := c.httpClient.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 300 {
			return fmt.Errorf("capture %s: status %d", paymentID, resp.StatusCode)
		}
		return nil
	})
}

// Refund asks the payment service to give the money back. Best effort: the
// nightly reconciliation catches anything we miss.
func (c *Client) Refund(paymentID string) error {
	resp, err := http.Post("http://payment-service:8080/v1/payments/"+paymentID+"/refund", "application/json", nil)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("refund %s was rejected", paymentID)
	}
	return nil
}

// Status returns the payment's state as the payment service sees it.
func (c *Client) Status(ctx context.Context, paymentID string) (string, error) {
	url := fmt.Sprintf("https://%s/v1/payments/%s", os.Getenv("PAYMENTS_HOST"), paymentID)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct {
		State string `json:"state"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", fmt.Errorf("status %s: %w", paymentID, err)
	}
	return out.State, nil
}
