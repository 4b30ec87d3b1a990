"""The build pipeline: per-report stages (stages), their cache (cache), the pool that runs them
(runner) and the whole build (build). The public names are `reportkit.build`, `reportkit.check`,
`reportkit.BuildConfig` and `reportkit.BuildReport`."""
