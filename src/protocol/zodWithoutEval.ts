import * as z from 'zod';

// zod probes whether it may compile validators with `new Function`; under the page's and the frame's CSPs it may
// not, and the probe alone makes the browser report a violation (a Trusted Types one on the page). Never try.
z.config({ jitless: true });
