package httpapi

import (
	"context"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// HealthOutput is the answer of healthz and readyz.
type HealthOutput struct {
	Body struct {
		Status string `json:"status" example:"ok" doc:"ok when healthy"`
	}
}

// handleHealthz answers as long as the process serves requests.
func handleHealthz() func(context.Context, *struct{}) (*HealthOutput, error) {
	return func(ctx context.Context, _ *struct{}) (*HealthOutput, error) {
		out := &HealthOutput{}
		out.Body.Status = "ok"
		return out, nil
	}
}

// handleReadyz answers ok only when the database answers within two seconds.
func handleReadyz(db interface{ Ping(context.Context) error }) func(context.Context, *struct{}) (*HealthOutput, error) {
	return func(ctx context.Context, _ *struct{}) (*HealthOutput, error) {
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		if err := db.Ping(ctx); err != nil {
			return nil, huma.Error503ServiceUnavailable("the database does not answer")
		}
		out := &HealthOutput{}
		out.Body.Status = "ok"
		return out, nil
	}
}
