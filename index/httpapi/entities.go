package httpapi

import "net/http"

// entities answers GET /api/entities once the index has an entity registry.
func (h *Handler) entities(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, http.StatusNotImplemented, "entity type-ahead needs the entity registry of the index, which this build does not have yet")
}
