package workflow

// Progress stages: where a node's outside work stands.
const (
	StageQueued     = "queued"     // waiting in the outside service's queue
	StageGenerating = "generating" // being worked on
)

// Progress is how a running node's outside work is going (a FAL request's
// place in FAL's queue, then its generation), sent live to the editor and
// never stored: the node's status stays RUNNING meanwhile.
type Progress struct {
	Stage         string `json:"stage" enum:"queued,generating"`
	QueuePosition *int   `json:"queue_position,omitempty" doc:"Requests ahead of this one in the outside service's queue."`
}
