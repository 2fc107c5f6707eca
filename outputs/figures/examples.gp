# Draws examples.svg from examples.dat; run `gnuplot examples.gp` in this folder.
set terminal svg size 640,680 dynamic enhanced font 'Helvetica,10'
set output 'examples.svg'
set multiplot layout 4,4 margins 0.01,0.99,0.01,0.968 spacing 0.02,0.06
set palette gray
set cbrange [0:255]
unset colorbox
unset key
unset tics
unset border
set size ratio -1
set xrange [-0.5:27.5]
set yrange [27.5:-0.5]
set title 'Ankle boot' font ',10' offset 0,-0.5
plot 'examples.dat' index 0 matrix with image
set title 'Pullover' font ',10' offset 0,-0.5
plot 'examples.dat' index 1 matrix with image
set title 'Sandal' font ',10' offset 0,-0.5
plot 'examples.dat' index 2 matrix with image
set title 'T-shirt/top' font ',10' offset 0,-0.5
plot 'examples.dat' index 3 matrix with image
set title 'Sandal' font ',10' offset 0,-0.5
plot 'examples.dat' index 4 matrix with image
set title 'Trouser' font ',10' offset 0,-0.5
plot 'examples.dat' index 5 matrix with image
set title 'Dress' font ',10' offset 0,-0.5
plot 'examples.dat' index 6 matrix with image
set title 'Sandal' font ',10' offset 0,-0.5
plot 'examples.dat' index 7 matrix with image
set title 'T-shirt/top' font ',10' offset 0,-0.5
plot 'examples.dat' index 8 matrix with image
set title 'Trouser' font ',10' offset 0,-0.5
plot 'examples.dat' index 9 matrix with image
set title 'Trouser' font ',10' offset 0,-0.5
plot 'examples.dat' index 10 matrix with image
set title 'Coat' font ',10' offset 0,-0.5
plot 'examples.dat' index 11 matrix with image
set title 'Coat' font ',10' offset 0,-0.5
plot 'examples.dat' index 12 matrix with image
set title 'T-shirt/top' font ',10' offset 0,-0.5
plot 'examples.dat' index 13 matrix with image
set title 'Ankle boot' font ',10' offset 0,-0.5
plot 'examples.dat' index 14 matrix with image
set title 'Pullover' font ',10' offset 0,-0.5
plot 'examples.dat' index 15 matrix with image
unset multiplot
unset output
