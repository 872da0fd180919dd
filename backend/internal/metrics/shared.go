package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// Queue counts the node jobs waiting in the job queue, by state.
type Queue interface {
	Waiting(ctx context.Context) (map[string]int, error)
}

// Spending reads what all users spent this month and hold reserved.
type Spending interface {
	ServerSpend(ctx context.Context) (store.ServerSpending, error)
}

// Sources are what the metrics read from the database at each scrape.
type Sources struct {
	Queue    Queue
	Spending Spending
}

// scrapeTimeout bounds one scrape, its database reads included.
const scrapeTimeout = 10 * time.Second

// shared reads, at each scrape, what every replica shares from the
// database: the same numbers whichever replica is asked.
type shared struct {
	src                        Sources
	jobs, reserved, held, paid *prometheus.Desc
}

// newShared describes the metrics read from src.
func newShared(src Sources) *shared {
	return &shared{src: src,
		jobs: prometheus.NewDesc("visualadgen_queue_jobs",
			"Node jobs waiting in the queue, by River state: available (ready for a worker), scheduled (snoozed, as while FAL works, or delayed), retryable.",
			[]string{"state"}, nil),
		reserved: prometheus.NewDesc("visualadgen_reserved_usd",
			"US dollars running nodes hold reserved against budgets (every user's).", nil, nil),
		held: prometheus.NewDesc("visualadgen_reservations",
			"Budget reservations held by running nodes.", nil, nil),
		paid: prometheus.NewDesc("visualadgen_spent_month_usd",
			"US dollars all users spent this calendar month (UTC), as the spend ledger records it.", nil, nil),
	}
}

// Describe sends the descriptions of what Collect reads.
func (s *shared) Describe(ch chan<- *prometheus.Desc) {
	ch <- s.jobs
	ch <- s.reserved
	ch <- s.held
	ch <- s.paid
}

// Collect reads the queue and the budgets; a read that fails is reported
// as an invalid metric (the handler logs it and serves the rest).
func (s *shared) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	if waiting, err := s.src.Queue.Waiting(ctx); err != nil {
		ch <- prometheus.NewInvalidMetric(s.jobs, err)
	} else {
		for state, n := range waiting {
			ch <- prometheus.MustNewConstMetric(s.jobs, prometheus.GaugeValue, float64(n), state)
		}
	}
	spend, err := s.src.Spending.ServerSpend(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(s.paid, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(s.reserved, prometheus.GaugeValue, spend.Reserved)
	ch <- prometheus.MustNewConstMetric(s.held, prometheus.GaugeValue, float64(spend.Reservations))
	ch <- prometheus.MustNewConstMetric(s.paid, prometheus.GaugeValue, spend.Month)
}
