package httpapi

import (
	"context"
	"log/slog"

	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// ExecuteInput is the path of the brief's execute endpoint and its
// optional run options.
type ExecuteInput struct {
	WorkflowID string          `path:"workflow_id" format:"uuid"`
	Body       *RunOptionsBody `required:"false"`
}

// ExecuteOutput is the brief's answer: {"execution_id", "status"}.
type ExecuteOutput struct {
	Body struct {
		ExecutionID string `json:"execution_id" format:"uuid"`
		Status      string `json:"status" enum:"RUNNING,PAUSED,COMPLETED,FAILED" doc:"PAUSED when the first node has a breakpoint"`
	}
}

// handleExecute starts a run of the workflow.
func handleExecute(eng *engine.Engine, log *slog.Logger) func(context.Context, *ExecuteInput) (*ExecuteOutput, error) {
	return func(ctx context.Context, in *ExecuteInput) (*ExecuteOutput, error) {
		o, err := in.Body.options()
		if err != nil {
			return nil, problem(log, err)
		}
		x, err := eng.StartWith(ctx, userOf(ctx), in.WorkflowID, o)
		if err != nil {
			return nil, problem(log, err)
		}
		out := &ExecuteOutput{}
		out.Body.ExecutionID, out.Body.Status = x.ID, string(x.Status)
		return out, nil
	}
}

// ExecutionPath is the path of the execution routes.
type ExecutionPath struct {
	ExecutionID string `path:"execution_id" format:"uuid"`
}

// StepOutput is the brief's step answer (resume answers the same).
type StepOutput struct {
	Body struct {
		ExecutionID   string  `json:"execution_id" format:"uuid"`
		Status        string  `json:"status" enum:"RUNNING,PAUSED,COMPLETED"`
		CurrentNodeID *string `json:"current_node_id" doc:"the node running or paused at, or null"`
	}
}

// handleRelease is step (step=true) or resume.
func handleRelease(eng *engine.Engine, log *slog.Logger, step bool) func(context.Context, *ExecutionPath) (*StepOutput, error) {
	return func(ctx context.Context, in *ExecutionPath) (*StepOutput, error) {
		release := eng.Resume
		if step {
			release = eng.Step
		}
		st, err := release(ctx, userOf(ctx), in.ExecutionID)
		if err != nil {
			return nil, problem(log, err)
		}
		out := &StepOutput{}
		out.Body.ExecutionID, out.Body.Status, out.Body.CurrentNodeID = st.ExecutionID, string(st.Status), st.CurrentNodeID
		return out, nil
	}
}

// CancelOutput is the brief's cancel answer.
type CancelOutput struct {
	Body struct {
		ExecutionID string `json:"execution_id" format:"uuid"`
		Status      string `json:"status" enum:"CANCELLED"`
	}
}

// handleCancel cancels a run.
func handleCancel(eng *engine.Engine, log *slog.Logger) func(context.Context, *ExecutionPath) (*CancelOutput, error) {
	return func(ctx context.Context, in *ExecutionPath) (*CancelOutput, error) {
		st, err := eng.Cancel(ctx, userOf(ctx), in.ExecutionID)
		if err != nil {
			return nil, problem(log, err)
		}
		out := &CancelOutput{}
		out.Body.ExecutionID, out.Body.Status = st.ExecutionID, string(st.Status)
		return out, nil
	}
}

// ExecutionDetail is an execution with its node executions and generations.
type ExecutionDetail struct {
	workflow.Execution
	CurrentNodeID  *string                  `json:"current_node_id"`
	NodeExecutions []workflow.NodeExecution `json:"node_executions"`
	Generations    []workflow.Generation    `json:"generations"`
	Finals         []workflow.Final         `json:"finals" doc:"Every final ad the run delivered, as a record: the gallery, the zip and the workflow list read these."`
}

// ExecutionOutput answers GET /api/executions/{execution_id}.
type ExecutionOutput struct {
	Body ExecutionDetail
}

// handleGetExecution reads a run whole.
func handleGetExecution(st *store.Store, log *slog.Logger) func(context.Context, *ExecutionPath) (*ExecutionOutput, error) {
	return func(ctx context.Context, in *ExecutionPath) (*ExecutionOutput, error) {
		d, err := executionDetail(ctx, st, userOf(ctx), in.ExecutionID)
		if err != nil {
			return nil, problem(log, err)
		}
		return &ExecutionOutput{Body: d}, nil
	}
}

// executionDetail reads an execution with everything in it.
func executionDetail(ctx context.Context, st *store.Store, user, id string) (ExecutionDetail, error) {
	x, err := st.GetExecution(ctx, user, id)
	if err != nil {
		return ExecutionDetail{}, err
	}
	nes, err := st.ListNodeExecutions(ctx, id)
	if err != nil {
		return ExecutionDetail{}, err
	}
	gens, err := st.ListGenerations(ctx, id)
	if err != nil {
		return ExecutionDetail{}, err
	}
	finals, err := st.ListFinals(ctx, id)
	if err != nil {
		return ExecutionDetail{}, err
	}
	d := ExecutionDetail{Execution: x, NodeExecutions: nes, Generations: gens, Finals: finals}
	d.CurrentNodeID = engine.CurrentNodeOf(x, nes)
	return d, nil
}

// ListExecutionsInput pages a workflow's runs.
type ListExecutionsInput struct {
	ID    string `path:"id" format:"uuid"`
	Limit int    `query:"limit" minimum:"1" maximum:"100" default:"20"`
	After string `query:"after" doc:"the last execution id of the previous page"`
}

// ExecutionListOutput answers GET /api/workflows/{id}/executions.
type ExecutionListOutput struct {
	Body struct {
		Executions []workflow.Execution `json:"executions"`
		NextAfter  *string              `json:"next_after" doc:"pass as after= for the next page; null on the last"`
	}
}

// handleListExecutions lists a workflow's runs, newest first.
func handleListExecutions(st *store.Store, log *slog.Logger) func(context.Context, *ListExecutionsInput) (*ExecutionListOutput, error) {
	return func(ctx context.Context, in *ListExecutionsInput) (*ExecutionListOutput, error) {
		if _, err := st.GetWorkflow(ctx, userOf(ctx), in.ID); err != nil {
			return nil, problem(log, err)
		}
		list, err := st.ListExecutions(ctx, in.ID, in.Limit, in.After)
		if err != nil {
			return nil, problem(log, err)
		}
		out := &ExecutionListOutput{}
		out.Body.Executions = list
		if len(list) == in.Limit {
			out.Body.NextAfter = &list[len(list)-1].ID
		}
		return out, nil
	}
}
