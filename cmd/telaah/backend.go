package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/opensearch"
)

// clusterFlags are the flags that select an OpenSearch or Elasticsearch cluster
// instead of an index directory.
type clusterFlags struct {
	url, name, version string
	replicas, shards   int
	noWait             bool
}

// addClusterFlags adds --opensearch and its companions to a command's flags.
// The credentials come from the environment only (TELAAH_OPENSEARCH_USER and
// TELAAH_OPENSEARCH_PASSWORD, or TELAAH_OPENSEARCH_API_KEY; extra certificate
// authorities in TELAAH_OPENSEARCH_CA_CERT), so that they never appear in a
// process list or a shell history.
func addClusterFlags(fs *flag.FlagSet, writes bool) *clusterFlags {
	c := &clusterFlags{}
	fs.StringVar(&c.url, "opensearch", "", "use the OpenSearch or Elasticsearch cluster at this `URL` instead of --index "+
		"(credentials from "+opensearch.EnvUser+"/"+opensearch.EnvPassword+" or "+opensearch.EnvAPIKey+"; TLS verified, extra CAs in "+opensearch.EnvCACert+")")
	fs.StringVar(&c.name, "opensearch-index", opensearch.DefaultIndex, "the alias the articles are written to and searched in, on the cluster")
	if writes {
		fs.StringVar(&c.version, "opensearch-version", "", "the concrete index made behind the alias on first use (default v1: telaah-v1)")
		fs.IntVar(&c.shards, "opensearch-shards", opensearch.DefaultShards, "primary shards of an index made on first use")
		fs.IntVar(&c.replicas, "opensearch-replicas", opensearch.DefaultReplicas, "replicas of an index made on first use")
		fs.BoolVar(&c.noWait, "opensearch-no-wait", false, "do not wait for each batch to be searchable (refresh once at the end)")
	}
	return c
}

// open returns the OpenSearch backend the flags describe; analyzed is called
// for each analysed article and batch is the bulk size (0: the default). When
// readOnly, it never writes to the cluster nor creates anything there. Each of
// set changes the configuration before the cluster is opened.
func (c *clusterFlags) open(analyzed func(), batch int, readOnly bool, set ...func(*opensearch.Config)) (*opensearch.Index, error) {
	cfg := opensearch.ConfigFromEnv(c.url)
	cfg.Index, cfg.Version, cfg.Shards = c.name, c.version, c.shards
	cfg.Replicas = c.replicas
	if cfg.Replicas == 0 {
		cfg.Replicas = -1 // 0 asked explicitly
	}
	cfg.Analyzed, cfg.BulkDocs, cfg.ReadOnly = analyzed, batch, readOnly
	if c.noWait {
		cfg.Refresh = opensearch.RefreshNone
	}
	for _, f := range set {
		f(&cfg)
	}
	return opensearch.New(cfg)
}

// writeBackend opens the cluster `telaah index` writes to when --opensearch is
// given (an index directory is opened by runIndex itself, lazily). It returns
// its name for the summary.
func writeBackend(c *clusterFlags, opts *index.Options) (index.Backend, string, error) {
	x, err := c.open(opts.Analyzed, opts.BatchSize, false, func(cfg *opensearch.Config) {
		cfg.MaxAnalyzed, cfg.Partial = opts.MaxAnalyzed, opts.Partial
	})
	if err != nil {
		return nil, "", err
	}
	return &refreshOnClose{x, c.noWait}, fmt.Sprintf("%s (alias %s)", c.url, x.Name()), nil
}

// readBackend opens the backend `telaah search` reads: the cluster when
// --opensearch is given, else the index directory.
func readBackend(c *clusterFlags, dir string, opts *index.Options) (index.Backend, error) {
	if c.url == "" {
		if dir == "" {
			return nil, usageError{"--index DIR (or --opensearch URL) is required"}
		}
		x, err := index.Open(dir, opts)
		if err != nil {
			return nil, err // not a Backend holding a nil *index.Index
		}
		return x, nil
	}
	if dir != "" {
		return nil, usageError{"give --index DIR or --opensearch URL, not both"}
	}
	// A search only reads: nothing is created on the cluster, and a missing
	// index is an error naming it.
	x, err := c.open(nil, 0, true)
	if err != nil {
		return nil, err
	}
	return x, nil
}

// needsTarget reports the usage error of a command given neither an index
// directory nor a cluster, or both.
func needsTarget(c *clusterFlags, dir string) error {
	switch {
	case dir == "" && c.url == "":
		return usageError{"--index DIR (or --opensearch URL) is required"}
	case dir != "" && c.url != "":
		return usageError{"give --index DIR or --opensearch URL, not both"}
	}
	return nil
}

// refreshOnClose refreshes the cluster index on Close when the batches did not
// wait to be searchable, so that what `telaah index` indexed is searchable when
// it exits.
type refreshOnClose struct {
	*opensearch.Index
	refresh bool
}

func (r *refreshOnClose) Close() error {
	if r.refresh {
		if err := r.Index.Refresh(context.Background()); err != nil {
			r.Index.Close()
			return err
		}
	}
	return r.Index.Close()
}
