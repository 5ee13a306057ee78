#!/usr/bin/env node
// The `vajra` executable: a committed launcher, so package managers can link it before dist/ is built.
import '../dist/bin.js';
