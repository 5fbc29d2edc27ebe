package org.psyscreen.internal.resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads class-path index files: every jar may carry the same index resource listing its data
 * files, one resource path per line ({@code #} starts a comment). Lets data artifacts (bundled
 * instruments, norms, policies, a vendor's jar) contribute files without code.
 */
public final class ResourceIndex {
    /** One listed resource and its bytes. */
    public record Resource(String path, byte[] content) {}

    private ResourceIndex() {}

    /** Every resource listed by every copy of {@code index} visible to {@code loader}, in order. */
    public static List<Resource> read(ClassLoader loader, String index) {
        List<Resource> out = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(index))) {
                try (InputStream in = url.openStream();
                        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        String path = line.strip();
                        if (path.isEmpty() || path.startsWith("#")) {
                            continue;
                        }
                        try (InputStream data = loader.getResourceAsStream(path)) {
                            if (data == null) {
                                throw new IllegalStateException(
                                        index + " lists " + path + ", which is not on the class path");
                            }
                            out.add(new Resource(path, data.readAllBytes()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The folder name a resource sits in: {@code .../<id>/file.yaml} gives {@code id}. */
    public static String folderOf(String path) {
        String[] parts = path.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : path;
    }
}
