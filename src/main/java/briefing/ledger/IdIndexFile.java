package briefing.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of every record id kept in a file between runs, with the state of the ledger it was made for:
 * read back (some 32 MB at a million records, in milliseconds) instead of being made again from the
 * fingerprints of every block, which places a million ids one by one. Used only for the very state it was
 * made for; any other state of the ledger (another machine's run on a shared ledger, a run that stopped
 * half-way, another ledger in the same folder) or an unreadable file means making the index anew.
 */
public final class IdIndexFile {

    private static final Logger log = LoggerFactory.getLogger("briefing.ledger");
    private static final long MAGIC = 0x4252494546494458L;
    private static final int VERSION = 1;

    private final Path file;

    public IdIndexFile(Path file) {
        this.file = file;
    }

    /** The file under a data folder's {@code work/}. */
    public static IdIndexFile in(Path dataFolder) {
        return new IdIndexFile(dataFolder.resolve("work").resolve("id-index.bin"));
    }

    /** The index kept for this state of the ledger; empty when there is none, or one for another state. */
    public Optional<IdIndex> load(LedgerState state) {
        return read(Optional.of(state)).map(Kept::index);
    }

    /**
     * The index kept, whatever the state it was kept for, which the caller compares with the ledger's: so that it can
     * count that state meanwhile. Empty when there is none, or the file is unreadable.
     */
    public Optional<Kept> read() {
        return read(Optional.empty());
    }

    /** An index as kept, and the state of the ledger it holds the ids of. */
    public record Kept(LedgerState state, IdIndex index) {
    }

    private Optional<Kept> read(Optional<LedgerState> expected) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            LedgerState state = readState(channel);
            if (expected.isPresent() && !expected.get().equals(state)) {
                return Optional.empty();
            }
            return Optional.of(new Kept(state, IdIndex.readFrom(channel)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("The kept index of record ids ({}) is unreadable and is made again: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps the index, which must hold exactly the ids of the ledger in this state; nothing to do if it is kept already. */
    public void save(IdIndex index, LedgerState state) throws IOException {
        if (state.equals(keptState())) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] identity = state.identity().getBytes(StandardCharsets.UTF_8);
            ByteBuffer head = ByteBuffer.allocate(2 * Long.BYTES + 2 * Integer.BYTES + identity.length + 3 * Long.BYTES);
            head.putLong(MAGIC).putInt(VERSION).putInt(identity.length).put(identity)
                    .putLong(state.lastBlock()).putLong(state.blocks()).putLong(state.claims()).flip();
            IdIndex.writeFully(head, channel);
            index.writeTo(channel);
            // synced here, on the keeping thread, rather than by the sync of the database as it closes at the run's end
            // (ext4 writes the data of the files written since with its journal): 32 MB at a million records
            channel.force(false);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private LedgerState keptState() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readState(channel);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static LedgerState readState(FileChannel channel) throws IOException {
        ByteBuffer head = IdIndex.readFully(channel, ByteBuffer.allocate(Long.BYTES + 2 * Integer.BYTES));
        if (head.getLong() != MAGIC || head.getInt() != VERSION) {
            throw new IOException("not an index of record ids of this version");
        }
        int identityLength = head.getInt();
        if (identityLength < 0 || identityLength > 1 << 10) {
            throw new IOException("not an index of record ids of this version");
        }
        String identity = new String(IdIndex.readFully(channel, ByteBuffer.allocate(identityLength)).array(), StandardCharsets.UTF_8);
        ByteBuffer counts = IdIndex.readFully(channel, ByteBuffer.allocate(3 * Long.BYTES));
        return new LedgerState(identity, counts.getLong(), counts.getLong(), counts.getLong());
    }
}
