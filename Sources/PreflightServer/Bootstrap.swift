enum PreflightServerBootstrap {}
