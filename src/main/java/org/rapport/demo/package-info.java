/**
 * Demo and benchmark data: {@link org.rapport.demo.DataGenerator} writes reproducible, realistic CSV files
 * (salespeople, customers, purchases, problems, touches) in the import format, streamed so that benchmark
 * sizes (a million customers, ten million touches) need no more memory than the demo.
 */
package org.rapport.demo;
