using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A dictionary-shaped collection (attributes, parameters, images...). Keys compare with the
    /// default comparer, so string keys are case-sensitive, and reading a missing key through the
    /// indexer throws KeyNotFoundException, as the official SDK does.
    /// </summary>
    [Serializable]
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>, IEnumerable
    {
        private readonly Dictionary<TKey, TValue> _items = new Dictionary<TKey, TValue>();

        protected internal DataCollection()
        {
        }

        public TValue this[TKey key]
        {
            get => _items[key];
            set => _items[key] = value;
        }

        public int Count => _items.Count;

        public bool IsReadOnly => false;

        public ICollection<TKey> Keys => _items.Keys;

        public ICollection<TValue> Values => _items.Values;

        public void Add(KeyValuePair<TKey, TValue> item)
        {
            _items.Add(item.Key, item.Value);
        }

        public void Add(TKey key, TValue value)
        {
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

            foreach (KeyValuePair<TKey, TValue> item in items)
            {
                _items.Add(item.Key, item.Value);
            }
        }

        public void Clear()
        {
            _items.Clear();
        }

        public bool Contains(TKey key)
        {
            return _items.ContainsKey(key);
        }

        public bool Contains(KeyValuePair<TKey, TValue> key)
        {
            return ((ICollection<KeyValuePair<TKey, TValue>>)_items).Contains(key);
        }

        public bool ContainsKey(TKey key)
        {
            return _items.ContainsKey(key);
        }

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            ((ICollection<KeyValuePair<TKey, TValue>>)_items).CopyTo(array, index);
        }

        public bool Remove(TKey key)
        {
            return _items.Remove(key);
        }

        public bool Remove(KeyValuePair<TKey, TValue> item)
        {
            return ((ICollection<KeyValuePair<TKey, TValue>>)_items).Remove(item);
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
    }
}
