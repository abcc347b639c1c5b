package com.lesa.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ignores Spring MVC's flushes so that Tomcat sends a small answer whole, with {@code Content-Length}, in one write
 * (a flush commits it as chunked and costs a second write for the closing chunk); larger answers still go out as
 * Tomcat's 8 KiB buffer fills.
 */
class WholeResponseFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new WholeResponse(response));
	}

	private static final class WholeResponse extends HttpServletResponseWrapper {

		private ServletOutputStream stream;

		WholeResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new UnflushedOutputStream(super.getOutputStream());
			}
			return this.stream;
		}

		@Override
		public void flushBuffer() {
			// Sent at the end of the request, with its length.
		}

	}

	private static final class UnflushedOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		UnflushedOutputStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.delegate.write(bytes, offset, length);
		}

		@Override
		public void flush() {
			// Sent at the end of the request, with its length.
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

}
