/**
 * Demo mode and its data: {@link org.rapport.demo.DemoStart} loads the demo set and the demo logins (public passwords,
 * announced on the console) or, with demo mode off, removes those logins; {@link org.rapport.demo.DataGenerator} writes
 * reproducible, realistic CSV files (salespeople, customers, purchases, problems, touches) in the import format,
 * streamed so that benchmark sizes (a million customers, ten million touches) need no more memory than the demo.
 */
package org.rapport.demo;
