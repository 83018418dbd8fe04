// Command legacy-tool is the old admin CLI: it re-issues API tokens for
// partner accounts. Kept alive until the admin UI can do the same.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	jwt "github.com/dgrijalva/jwt-go"
	uuid "github.com/satori/go.uuid"
)

func main() {
	partner := flag.String("partner", "", "partner account id")
	ttl := flag.Duration("ttl", 90*24*time.Hour, "token lifetime")
	flag.Parse()
	if *partner == "" {
		fmt.Fprintln(os.Stderr, "usage: legacy-tool -partner ID [-ttl DURATION]")
		os.Exit(2)
	}

	claims := jwt.StandardClaims{
		Id:        uuid.NewV4().String(),
		Subject:   *partner,
		ExpiresAt: time.Now().Add(*ttl).Unix(),
	}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(os.Getenv("JWT_SIGNING_KEY")))
	if err != nil {
		fmt.Fprintln(os.Stderr, "signing:", err)
		os.Exit(1)
	}
	fmt.Println(signed)
}
