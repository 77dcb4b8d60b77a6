# shutil: copying files and trees, moving, removing a tree.
import os
import shutil

base = '/tmp/pml_os_shutil'
os.makedirs(base + '/src/deep')
with open(base + '/src/a.txt', 'w') as f:
    f.write('alpha')
with open(base + '/src/deep/b.bin', 'wb') as f:
    f.write(bytes(range(10)))
print(shutil.copyfile(base + '/src/a.txt', base + '/a_copy.txt'), open(base + '/a_copy.txt').read())
os.mkdir(base + '/dest')
print(shutil.copy(base + '/src/a.txt', base + '/dest'))
try:
    shutil.copyfile(base + '/src/a.txt', base + '/src/a.txt')
except shutil.SameFileError as e:
    print('SameFileError:', e)
shutil.copytree(base + '/src', base + '/tree')
for dirpath, dirnames, filenames in sorted(os.walk(base + '/tree')):
    print(os.path.relpath(dirpath, base), sorted(dirnames), sorted(filenames))
print(open(base + '/tree/deep/b.bin', 'rb').read())
print(shutil.move(base + '/a_copy.txt', base + '/dest'), sorted(os.listdir(base + '/dest')))
shutil.rmtree(base)
print(os.path.exists(base))
try:
    shutil.rmtree(base)
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
shutil.rmtree(base, ignore_errors=True)
