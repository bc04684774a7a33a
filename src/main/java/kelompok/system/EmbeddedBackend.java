package kelompok.system;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 backend with faster unique indexes. The stock index map compares its keys
 * (a {@link KeyValue}, which is not {@link Comparable}) by Java-serialising both sides on every
 * comparison, which made index look-ups most of the embedded store's work. Here index keys are
 * compared value by value in MongoDB's order and stored as a count followed by each value in H2's
 * own compact encoding. Index maps of this kind carry their own name suffix; an index written in
 * the stock format by an earlier version is copied over once when its collection is opened.
 */
final class EmbeddedBackend extends H2Backend {

  static final String SUFFIX = ".k1";

  EmbeddedBackend(MVStore store) {
    super(store);
  }

  /** The store of the database being built (its constructor opens its indexes before its fields are set). */
  private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    OPENING.set(getMvStore());
    try {
      return new Database(databaseName, getMvStore(), getCursorRegistry());
    } finally {
      OPENING.remove();
    }
  }

  private static final class Database extends H2Database {
    private final MVStore store;

    Database(String name, MVStore store, CursorRegistry cursors) {
      super(name, store, cursors);
      this.store = store;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
        boolean sparse) {
      MVStore mv = store != null ? store : OPENING.get();
      String stockName = getFullCollectionNamespace(collection) + "._index_" + indexName;
      String name = stockName + SUFFIX;
      boolean migrate = mv.hasMap(stockName) && !mv.hasMap(name);
      MVMap<KeyValue, Object> map = mv.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(KeyType.INSTANCE));
      if (migrate) {
        MVMap<Object, Object> stock = mv.openMap(stockName);
        for (Map.Entry<Object, Object> entry : stock.entrySet()) {
          map.put((KeyValue) entry.getKey(), entry.getValue());
        }
        mv.removeMap(stock);
      }
      return new FastUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(de.bwaldvogel.mongo.MongoCollection<Object> collection, String indexName) {
      super.dropIndex(collection, indexName);
      String name = getFullCollectionNamespace(collection.getCollectionName()) + "._index_" + indexName + SUFFIX;
      if (store.hasMap(name)) {
        store.removeMap(name);
      }
    }
  }

  /** A unique index over an H2 map with {@link KeyType} keys. */
  private static final class FastUniqueIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<KeyValue, Object> map;

    FastUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
      super(name, keys, sparse);
      this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
      return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
      return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
      return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
      return map.get(key);
    }

    /**
     * Besides exact look-ups, answers a range on the last key of a compound index with the other
     * keys fixed ({@code {note: id, version: {$gt: n}}}) by walking the map from the range's start:
     * the stock index cannot, and the store then read every document of the collection.
     */
    @Override
    public synchronized boolean canHandle(Document query) {
      return range(query) != null || super.canHandle(query);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
      Range range = range(query);
      if (range == null) {
        return super.getPositions(query);
      }
      List<Object> start = new ArrayList<>(range.prefix());
      if (range.low() != null) {
        start.add(range.low());
      }
      List<Object> positions = new ArrayList<>();
      org.h2.mvstore.Cursor<KeyValue, Object> cursor = map.cursor(new KeyValue(start));
      while (cursor.hasNext()) {
        KeyValue key = cursor.next();
        if (key.size() != range.prefix().size() + 1 || !range.hasPrefix(key)) {
          break;
        }
        Object last = key.get(key.size() - 1);
        if (range.above(last) && range.below(last)) {
          positions.add(cursor.getValue());
        } else if (!range.below(last)) {
          break;
        }
      }
      return positions;
    }

    /** The range a query asks for, or null when it is not one this index answers by walking. */
    private Range range(Document query) {
      List<String> keys = keys();
      if (keys.size() < 2 || !query.keySet().equals(keySet())) {
        return null;
      }
      List<Object> prefix = new ArrayList<>();
      for (String key : keys.subList(0, keys.size() - 1)) {
        Object value = query.get(key);
        if (!(value instanceof String || value instanceof Number)) {
          return null;
        }
        prefix.add(value);
      }
      if (!(query.get(keys.get(keys.size() - 1)) instanceof Document bounds) || bounds.isEmpty()) {
        return null;
      }
      Number low = null;
      Number high = null;
      boolean lowIncluded = false;
      boolean highIncluded = false;
      for (String operator : bounds.keySet()) {
        if (!(bounds.get(operator) instanceof Number value)) {
          return null;
        }
        switch (operator) {
          case "$gt", "$gte" -> {
            if (low != null) {
              return null;
            }
            low = value;
            lowIncluded = operator.equals("$gte");
          }
          case "$lt", "$lte" -> {
            if (high != null) {
              return null;
            }
            high = value;
            highIncluded = operator.equals("$lte");
          }
          default -> {
            return null;
          }
        }
      }
      return new Range(prefix, low, lowIncluded, high, highIncluded);
    }

    @Override
    public long getCount() {
      return map.sizeAsLong();
    }

    @Override
    public long getDataSize() {
      return getCount();
    }
  }

  /** Fixed leading key values and bounds on the last one. */
  private record Range(List<Object> prefix, Number low, boolean lowIncluded, Number high, boolean highIncluded) {
    boolean hasPrefix(KeyValue key) {
      for (int i = 0; i < prefix.size(); i++) {
        if (KeyType.ORDER.compare(prefix.get(i), key.get(i)) != 0) {
          return false;
        }
      }
      return true;
    }

    boolean above(Object value) {
      if (low == null) {
        return true;
      }
      int c = KeyType.ORDER.compare(value, low);
      return c > 0 || c == 0 && lowIncluded;
    }

    boolean below(Object value) {
      if (high == null) {
        return true;
      }
      int c = KeyType.ORDER.compare(value, high);
      return c < 0 || c == 0 && highIncluded;
    }
  }

  /** Index keys: compared value by value in MongoDB's order, each value stored in H2's encoding. */
  static final class KeyType extends BasicDataType<KeyValue> {
    static final KeyType INSTANCE = new KeyType();
    private static final ObjectDataType VALUES = new ObjectDataType();
    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    @Override
    public int compare(KeyValue a, KeyValue b) {
      int n = Math.min(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        int c = ORDER.compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
      int memory = 24;
      for (Object value : key) {
        memory += value instanceof String s ? 40 + 2 * s.length() : 24;
      }
      return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
      buffer.putVarInt(key.size());
      for (Object value : key) {
        VALUES.write(buffer, value);
      }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
      int size = DataUtils.readVarInt(buffer);
      List<Object> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(VALUES.read(buffer));
      }
      return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
      return new KeyValue[size];
    }
  }
}
