using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A dictionary-shaped collection (attributes, parameters, images...). Keys compare with the
    /// default comparer, so string keys are case-sensitive, and reading a missing key through the
    /// indexer throws KeyNotFoundException, as the official SDK does. A collection marked read-only
    /// (by the SDK itself, never by callers) refuses changes with InvalidOperationException.
    /// </summary>
    [Serializable]
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>, IEnumerable
    {
        private readonly IDictionary<TKey, TValue> _items;
        private bool _isReadOnly;

        protected internal DataCollection()
            : this(new Dictionary<TKey, TValue>())
        {
        }

        protected internal DataCollection(IDictionary<TKey, TValue> collection)
        {
            _items = collection ?? throw new ArgumentNullException(nameof(collection));
        }

        public virtual TValue this[TKey key]
        {
            get => _items[key];
            set
            {
                CheckIsReadOnly();
                _items[key] = value;
            }
        }

        public int Count => _items.Count;

        public virtual bool IsReadOnly
        {
            get => _isReadOnly;
            internal set => _isReadOnly = value;
        }

        public ICollection<TKey> Keys => _items.Keys;

        public ICollection<TValue> Values => _items.Values;

        public void Add(KeyValuePair<TKey, TValue> item)
        {
            CheckIsReadOnly();
            _items.Add(item);
        }

        public void Add(TKey key, TValue value)
        {
            CheckIsReadOnly();
            _items.Add(key, value);
        }

        public void AddRange(params KeyValuePair<TKey, TValue>[] items)
        {
            AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);
        }

        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null)
            {
                return;
            }

            CheckIsReadOnly();
            foreach (KeyValuePair<TKey, TValue> item in items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            CheckIsReadOnly();
            _items.Clear();
        }

        public bool Contains(TKey key)
        {
            return _items.ContainsKey(key);
        }

        public bool Contains(KeyValuePair<TKey, TValue> key)
        {
            return _items.Contains(key);
        }

        public bool ContainsKey(TKey key)
        {
            return _items.ContainsKey(key);
        }

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            _items.CopyTo(array, arrayIndex);
        }

        public bool Remove(TKey key)
        {
            CheckIsReadOnly();
            return _items.Remove(key);
        }

        public bool Remove(KeyValuePair<TKey, TValue> item)
        {
            CheckIsReadOnly();
            return _items.Remove(item);
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            return _items.TryGetValue(key, out value);
        }

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
        {
            return _items.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        private void CheckIsReadOnly()
        {
            if (IsReadOnly)
            {
                throw new InvalidOperationException("The collection is read-only.");
            }
        }
    }
}
